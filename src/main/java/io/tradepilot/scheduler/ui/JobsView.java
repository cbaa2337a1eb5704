package io.tradepilot.scheduler.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.TrackerFinding;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The scheduler at a glance, for every role (read only): the jobs with their next fire time and latest outcome,
 * the newest runs and misfires, the latest scan's setups and the position tracker's newest findings. Read from
 * {@link SchedulerQueries} when the page opens and on Refresh.
 */
@Route("jobs")
@PageTitle("Jobs · Tradepilot")
@Menu(title = "Jobs", order = 75, icon = "vaadin:clock")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class JobsView extends VerticalLayout {

    static final int RUNS = 100;
    static final int FINDINGS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SchedulerQueries scheduler;
    final Grid<JobStatus> jobs = new Grid<>();
    final Grid<JobRun> runs = new Grid<>();
    final Span scanSummary = new Span();
    final Grid<ScanReport.Row> setups = new Grid<>();
    final Grid<TrackerFinding> findings = new Grid<>();

    JobsView(SchedulerQueries scheduler) {
        this.scheduler = scheduler;
        setWidthFull();
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("jobs-refresh");
        HorizontalLayout header = new HorizontalLayout(new H2("Jobs"), refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        jobs.setId("jobs-grid");
        jobs.addColumn(JobStatus::name).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(JobStatus::exchange).setHeader("Exchange").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> time(j.nextFireTime())).setHeader("Next run").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> time(j.lastRunAt())).setHeader("Last run").setAutoWidth(true).setFlexGrow(0);
        jobs.addComponentColumn(j -> badge(text(j.lastOutcome()))).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(JobStatus::misfirePolicy).setHeader("If missed").setAutoWidth(true).setFlexGrow(0);
        jobs.addColumn(j -> text(j.lastDetail())).setHeader("Detail").setFlexGrow(1);
        jobs.addColumn(JobStatus::description).setHeader("What it does").setFlexGrow(1);
        compact(jobs);

        runs.setId("job-runs-grid");
        runs.addColumn(r -> time(r.startedAt())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(JobRun::job).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
        runs.addComponentColumn(r -> badge(r.outcome())).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> time(r.scheduledAt())).setHeader("Scheduled for").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> text(r.detail())).setHeader("Detail").setFlexGrow(1);
        runs.addColumn(JobRun::instance).setHeader("Instance").setAutoWidth(true).setFlexGrow(0);
        compact(runs);

        scanSummary.setId("scan-summary");
        setups.setId("scan-grid");
        setups.addColumn(ScanReport.Row::symbol).setHeader("Symbol").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(ScanReport.Row::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> r.weekComplete() ? "yes" : "no").setHeader("Week complete").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.motherHigh())).setHeader("Mother high").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.motherLow())).setHeader("Mother low").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.entry())).setHeader("Entry").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.stop())).setHeader("Stop").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.target1())).setHeader("Target 1").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> price(r.target2())).setHeader("Target 2").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> r.quantity() == null ? Amounts.NONE : Amounts.quantity(r.quantity())).setHeader("Quantity")
                .setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> text(r.note())).setHeader("Note").setFlexGrow(1);
        setups.addColumn(r -> text(r.decision())).setHeader("Decision").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> text(r.orderId())).setHeader("Order").setAutoWidth(true).setFlexGrow(0);
        setups.addColumn(r -> text(r.reason())).setHeader("Reason").setFlexGrow(1);
        compact(setups);

        findings.setId("tracker-grid");
        findings.addColumn(f -> time(f.checkedAt())).setHeader("Checked").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(TrackerFinding::symbol).setHeader("Symbol").setAutoWidth(true).setFlexGrow(0);
        findings.addComponentColumn(f -> badge(f.rule())).setHeader("Finding").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(f -> Amounts.quantity(f.quantity())).setHeader("Quantity").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(f -> price(f.averagePrice())).setHeader("Average price").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(f -> price(f.mark())).setHeader("Mark").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(f -> Amounts.percent(f.move())).setHeader("Move").setAutoWidth(true).setFlexGrow(0);
        findings.addColumn(f -> text(f.action())).setHeader("Action").setFlexGrow(1);
        compact(findings);

        add(header, new H3("Scheduled jobs"), jobs, new H3("Runs and misfires (newest " + RUNS + ")"), runs,
                new H3("Latest scan"), scanSummary, setups, new H3("Position tracker (newest " + FINDINGS + " findings)"), findings);
        refresh();
    }

    /** Reads everything again. */
    void refresh() {
        jobs.setItems(scheduler.jobs());
        runs.setItems(scheduler.runs(RUNS));
        Optional<ScanReport> scan = scheduler.latestScan();
        scanSummary.setText(scan.map(s -> s.scanner() + " scan of " + s.exchange() + " as of " + s.asOf() + " (stored "
                        + time(s.createdAt()) + "): " + s.symbols() + " symbols, " + s.rows().size() + " setups")
                .orElse("No scan yet (the scan job runs only when tradepilot.scheduler.scans.folder is set)."));
        setups.setItems(scan.map(ScanReport::rows).orElse(java.util.List.of()));
        setups.setVisible(scan.isPresent());
        findings.setItems(scheduler.trackerFindings(FINDINGS));
    }

    /**
     * A Lumo badge: red for what needs a look (FAILED, MISFIRED, a tracker {@code exit}), contrast for
     * {@code caution}, green for SUCCEEDED, plain otherwise.
     */
    static Span badge(String value) {
        Span badge = new Span(value);
        String theme = switch (value) {
            case "FAILED", "MISFIRED", "exit" -> "badge error";
            case "caution" -> "badge contrast";
            case "SUCCEEDED" -> "badge success";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private static void compact(Grid<?> grid) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("None yet.");
    }

    private static String time(Instant at) {
        return at == null ? Amounts.NONE : TIME.format(at);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? Amounts.NONE : value;
    }

    private static String price(BigDecimal value) {
        return value == null ? Amounts.NONE : Amounts.price(value);
    }
}
