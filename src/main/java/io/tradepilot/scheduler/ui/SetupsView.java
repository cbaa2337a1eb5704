package io.tradepilot.scheduler.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.SetupLine;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The 3WI setups of a day, for every role (read only): what the scan found, its state (found, near breakout, qualified,
 * entered, exited, not taken), the plan (entry, stop, targets, quantity), the entry order, the exits placed and why a
 * setup was not taken. Opens on the newest scan's date; the date picker shows any earlier day. Read from
 * {@link SchedulerQueries#setups(LocalDate)} (REST: {@code GET /api/v1/scans/setups?date=}).
 */
@Route("setups")
@PageTitle("Setups · Tradepilot")
@Menu(title = "Setups", order = 76, icon = "vaadin:crosshairs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class SetupsView extends VerticalLayout {

    private final SchedulerQueries scheduler;
    final DatePicker date = new DatePicker("Day");
    final Span summary = new Span();
    final Grid<SetupLine> grid = new Grid<>();

    SetupsView(SchedulerQueries scheduler, Clock clock) {
        this.scheduler = scheduler;
        setWidthFull();
        setId("setups-view");
        date.setId("setups-date");
        // ISO dates, as the summary and the REST API write them, whatever the browser's locale
        date.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        date.setValue(scheduler.latestScan().map(ScanReport::asOf).orElse(LocalDate.now(clock)));
        date.addValueChangeListener(e -> refresh());
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("setups-refresh");
        HorizontalLayout header = new HorizontalLayout(new H2("3WI setups"), date, refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        summary.setId("setups-summary");
        grid.setId("setups-grid");
        grid.addColumn(SetupLine::symbol).setHeader("Symbol").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(l -> badge(l.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> text(l.scanState())).setHeader("Scan").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.motherHigh())).setHeader("Mother high").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.motherLow())).setHeader("Mother low").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.entry())).setHeader("Entry").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.stop())).setHeader("Stop").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.target1())).setHeader("Target 1").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> price(l.target2())).setHeader("Target 2").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> l.quantity() == null ? Amounts.NONE : Amounts.quantity(l.quantity())).setHeader("Quantity")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> text(l.orderId())).setHeader("Entry order").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> l.exits().isEmpty() ? Amounts.NONE : String.join("; ", l.exits())).setHeader("Exits").setFlexGrow(1);
        grid.addColumn(l -> text(l.reason())).setHeader("Why / what happened").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No 3WI scan or near-breakout watch ran on this day.");
        add(header, summary, grid);
        refresh();
    }

    /** Reads the chosen day again. */
    void refresh() {
        LocalDate day = date.getValue();
        List<SetupLine> lines = day == null ? List.of() : scheduler.setups(day);
        grid.setItems(lines);
        long entered = lines.stream().filter(l -> l.state().equals("ENTERED") || l.state().equals("EXITED")).count();
        long notTaken = lines.stream().filter(l -> l.state().equals("NOT_TAKEN")).count();
        long near = lines.stream().filter(l -> l.state().equals("NEAR_BREAKOUT")).count();
        summary.setText(day == null ? "Pick a day." : day + ": " + lines.size() + " setups, " + entered + " entered, " + near
                + " near breakout, " + notTaken + " not taken");
    }

    /** A Lumo badge: green for ENTERED, contrast for EXITED, red for NOT_TAKEN, plain otherwise. */
    static Span badge(String state) {
        Span badge = new Span(state);
        badge.getElement().getThemeList().add(switch (state) {
            case "ENTERED" -> "badge success";
            case "EXITED" -> "badge contrast";
            case "NOT_TAKEN" -> "badge error";
            default -> "badge";
        });
        return badge;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? Amounts.NONE : value;
    }

    private static String price(BigDecimal value) {
        return value == null ? Amounts.NONE : Amounts.price(value);
    }
}
