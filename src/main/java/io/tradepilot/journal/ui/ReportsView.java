package io.tradepilot.journal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalReports;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * End-of-day, weekly and monthly performance reports: the stored ones (newest first; a click opens one, and the URL
 * {@code /journal/reports?period=DAY&start=2026-03-02} opens it directly) and the current period's as it stands now.
 * Element ids: {@code reports-view}, {@code reports-period}, {@code reports-grid}, {@code reports-current},
 * {@code report}.
 */
@Route("journal/reports")
@PageTitle("Reports · Tradepilot")
@Menu(title = "Reports", order = 3.5, icon = "vaadin:file-text-o")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class ReportsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JournalReports reports;
    private final Clock clock;
    private final String currency;
    private final DateTimeFormatter time;
    final Select<String> period = new Select<>();
    final Grid<PerformanceReport> grid = new Grid<>();
    final Button current = new Button("This period now (not stored)");
    final Div report = new Div();

    ReportsView(JournalReports reports, JournalQueries queries, Clock clock, @Value("${tradepilot.trading.currency:INR}") String currency) {
        this.reports = reports;
        this.clock = clock;
        this.currency = currency;
        this.time = TIME.withZone(queries.zone());
        setId("reports-view");
        setWidthFull();
        period.setId("reports-period");
        period.setLabel("Period");
        period.setItems("", ReportPeriod.DAY.name(), ReportPeriod.WEEK.name(), ReportPeriod.MONTH.name());
        period.setItemLabelGenerator(p -> switch (p) {
            case "" -> "All";
            case "DAY" -> "End of day";
            case "WEEK" -> "Weekly";
            default -> "Monthly";
        });
        period.setValue("");
        period.addValueChangeListener(e -> { if (e.isFromClient()) list(); });
        current.setId("reports-current");
        current.addClickListener(e -> {
            ReportPeriod p = period.getValue() == null || period.getValue().isEmpty() ? ReportPeriod.DAY : ReportPeriod.valueOf(period.getValue());
            show(reports.now(p, LocalDate.now(clock.withZone(queries.zone()))));
        });
        grid.setId("reports-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.period().name()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(r -> r.start().equals(r.end()) ? r.start().toString() : r.start() + " – " + r.end()).setHeader("Dates").setAutoWidth(true);
        grid.addColumn(r -> String.valueOf(r.statistics().trades())).setHeader("Trades").setAutoWidth(true);
        grid.addColumn(r -> Amounts.signedMoney(r.statistics().netPnl(), currency)).setHeader("Net P&L").setAutoWidth(true)
                .setPartNameGenerator(r -> r.statistics().netPnl().signum() < 0 ? "loss" : r.statistics().netPnl().signum() > 0 ? "gain" : null);
        grid.addColumn(r -> time.format(r.createdAt())).setHeader("Made").setAutoWidth(true);
        grid.setHeight("16rem");
        grid.addItemClickListener(e -> open(e.getItem()));
        report.setId("report");
        report.setWidthFull();
        add(new H2("Reports"), new HorizontalLayout(period, current), grid, report);
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        list();
        parse(params).flatMap(key -> reports.stored(key.getKey(), key.getValue())).ifPresent(this::show);
    }

    /** The period and start a URL names, empty when either is missing or malformed. */
    static Optional<Map.Entry<ReportPeriod, LocalDate>> parse(Map<String, List<String>> params) {
        try {
            String p = params.getOrDefault("period", List.of()).stream().findFirst().orElse(null);
            String s = params.getOrDefault("start", List.of()).stream().findFirst().orElse(null);
            if (p == null || s == null) return Optional.empty();
            ReportPeriod period = ReportPeriod.valueOf(p.strip().toUpperCase(java.util.Locale.ROOT));
            return Optional.of(Map.entry(period, LocalDate.parse(s.strip())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void list() {
        String p = period.getValue();
        grid.setItems(reports.stored(p == null || p.isEmpty() ? null : ReportPeriod.valueOf(p), 200));
    }

    private void open(PerformanceReport r) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("period", r.period().name());
        params.put("start", r.start().toString());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "journal/reports?" + QueryParameters.simple(params).getQueryString()));
        show(r);
    }

    private void show(PerformanceReport r) {
        report.removeAll();
        report.add(render(r, currency, time));
    }

    /** The report as components: headline figures, best and worst trade, a line per strategy, the open positions. */
    static VerticalLayout render(PerformanceReport r, String currency, DateTimeFormatter time) {
        TradeStatistics s = r.statistics();
        var box = new VerticalLayout();
        box.setPadding(false);
        String title = switch (r.period()) {
            case DAY -> "End of day " + r.start();
            case WEEK -> "Week " + r.start() + " – " + r.end();
            case MONTH -> "Month " + r.start().getYear() + "-" + String.format("%02d", r.start().getMonthValue());
        };
        box.add(new H3(title + " (made " + time.format(r.createdAt()) + ")"));
        Paragraph figures = new Paragraph("Net P&L " + Amounts.signedMoney(s.netPnl(), currency) + " · fees " + Amounts.money(s.fees(), currency)
                + " · trades " + s.trades() + " (" + s.wins() + " won, " + s.losses() + " lost)"
                + " · win rate " + (s.winRate() == null ? Amounts.NONE : Amounts.percent(s.winRate()))
                + " · average R " + (s.averageR() == null ? Amounts.NONE : two(s.averageR()) + " (" + s.rTrades() + " with a stop)"));
        figures.setId("report-figures");
        box.add(figures);
        box.add(new Paragraph("Best: " + line(r.best(), currency) + " · Worst: " + line(r.worst(), currency)));

        Grid<PerformanceReport.StrategyLine> strategies = new Grid<>();
        strategies.setId("report-strategies");
        strategies.addThemeVariants(GridVariant.LUMO_COMPACT);
        strategies.addColumn(PerformanceReport.StrategyLine::strategy).setHeader("Strategy");
        strategies.addColumn(l -> String.valueOf(l.trades())).setHeader("Trades");
        strategies.addColumn(l -> String.valueOf(l.wins())).setHeader("Won");
        strategies.addColumn(l -> Amounts.signedMoney(l.netPnl(), currency)).setHeader("Net P&L");
        strategies.addColumn(l -> l.averageR() == null ? "no stop" : two(l.averageR())).setHeader("Average R");
        strategies.setItems(r.strategies());
        strategies.setAllRowsVisible(true);
        box.add(new H3("Strategies"), strategies);

        String risk = r.openRisk() == null ? "open risk unknown on this instance"
                : "open risk " + Amounts.money(r.openRisk(), currency) + (r.openRiskShare() == null ? ""
                : " = " + Amounts.percent(r.openRiskShare()) + " of equity " + Amounts.money(r.equity(), currency))
                + " (a position without a stop counts its whole exposure)";
        Paragraph riskLine = new Paragraph("Open positions: " + r.openPositions().size() + " · " + risk);
        riskLine.setId("report-risk");
        Grid<PerformanceReport.PositionLine> positions = new Grid<>();
        positions.setId("report-positions");
        positions.addThemeVariants(GridVariant.LUMO_COMPACT);
        positions.addColumn(PerformanceReport.PositionLine::symbol).setHeader("Symbol");
        positions.addColumn(p -> Amounts.quantity(p.quantity())).setHeader("Qty");
        positions.addColumn(p -> Amounts.price(p.averagePrice())).setHeader("Average");
        positions.addColumn(p -> p.mark() == null ? Amounts.NONE : Amounts.price(p.mark())).setHeader("Mark");
        positions.addColumn(p -> p.unrealizedPnl() == null ? Amounts.NONE : Amounts.signedMoney(p.unrealizedPnl(), currency))
                .setHeader("Unrealized P&L");
        positions.setItems(r.openPositions());
        positions.setAllRowsVisible(true);
        box.add(new H3("Open positions"), riskLine, positions);
        return box;
    }

    private static String line(PerformanceReport.TradeLine t, String currency) {
        if (t == null) return Amounts.NONE;
        return "trade " + t.id() + " " + t.symbol() + " " + t.side() + " (" + t.strategy() + ") " + Amounts.signedMoney(t.netPnl(), currency)
                + (t.rMultiple() == null ? ", no stop" : ", " + two(t.rMultiple()) + "R");
    }

    private static String two(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
