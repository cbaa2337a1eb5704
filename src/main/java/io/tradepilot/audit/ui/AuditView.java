package io.tradepilot.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditQuery;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Lists the audit log, newest first, filtered by time range, user, action and outcome; pages lazily. */
@Route("audit")
@PageTitle("Audit log · Tradepilot")
@Menu(title = "Audit log", order = 80, icon = "vaadin:clipboard-text")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AuditQuery audit;
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final TextField user = new TextField("User");
    final ComboBox<String> action = new ComboBox<>("Action");
    final ComboBox<AuditOutcome> outcome = new ComboBox<>("Outcome");
    final Grid<AuditQuery.Row> grid = new Grid<>();
    final Span count = new Span();

    AuditView(AuditQuery audit) {
        this.audit = audit;
        setSizeFull();
        from.setId("audit-filter-from");
        to.setId("audit-filter-to");
        user.setId("audit-filter-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setId("audit-filter-action");
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        outcome.setId("audit-filter-outcome");
        outcome.setItems(AuditOutcome.values());
        outcome.setClearButtonVisible(true);
        count.setId("audit-count");
        var clear = new Button("Clear filters", e -> {
            from.clear();
            to.clear();
            user.clear();
            action.clear();
            outcome.clear();
        });
        clear.setId("audit-filter-clear");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        outcome.addValueChangeListener(e -> refresh());

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditQuery.Row::username).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditQuery.Row::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditQuery.Row::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditQuery.Row::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(r -> "outcome-" + r.outcome().name().toLowerCase());
        grid.addColumn(AuditQuery.Row::reason).setHeader("Reason").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(AuditQuery.Row::reason);
        grid.addColumn(AuditQuery.Row::detail).setHeader("Detail").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(AuditQuery.Row::detail);
        grid.addColumn(AuditQuery.Row::clientAddress).setHeader("Client").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(AuditView::details));
        grid.setDetailsVisibleOnClick(true);

        var filters = new HorizontalLayout(from, to, user, action, outcome, clear);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit log"), filters, count, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    AuditQuery.Filter filter() {
        return new AuditQuery.Filter(
                from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC),
                user.getValue().isBlank() ? null : user.getValue().strip(), action.getValue(), outcome.getValue());
    }

    private void refresh() {
        AuditQuery.Filter filter = filter();
        int total = audit.count(filter);
        count.setText(total == 1 ? "1 record" : total + " records");
        grid.setItems(query -> audit.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(filter));
    }


    /** A row's reason and detail in full, wrapped (a click on the row opens it): the grid's cells cut them off. */
    static com.vaadin.flow.component.Component details(AuditQuery.Row row) {
        var text = new com.vaadin.flow.component.html.Div();
        text.addClassName("audit-details");
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        text.setText("Reason: " + (row.reason() == null ? "" : row.reason()) + "\nDetail: " + (row.detail() == null ? "" : row.detail()));
        return text;
    }
}
