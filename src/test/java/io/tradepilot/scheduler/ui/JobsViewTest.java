package io.tradepilot.scheduler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.TrackerFinding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jobs page without a browser: what it shows from the scheduler's read API, and Refresh. */
class JobsViewTest {

    private static final Instant T = Instant.parse("2026-12-04T10:45:00Z");
    private final List<Integer> limits = new ArrayList<>();
    private Optional<ScanReport> scan = Optional.empty();
    private List<TrackerFinding> findings = List.of();

    private final SchedulerQueries queries = new SchedulerQueries() {
        public List<JobStatus> jobs() {
            return List.of(new JobStatus("eod-report-NSE", "NSE", "report", "fire once now", T.plusSeconds(3600), T, "SUCCEEDED", "stored"));
        }

        public List<JobRun> runs(int limit) {
            limits.add(limit);
            return List.of(new JobRun(2, "eod-report-NSE", "NSE", T, T, T, "SUCCEEDED", "stored", "i1"),
                    new JobRun(1, "eod-report-NSE", "NSE", T.minusSeconds(86400), T, null, "MISFIRED", "missed", "i1"));
        }

        public List<EodReport> eodReports(int limit) {
            return List.of();
        }

        public List<EodReport> eodReports(LocalDate day) {
            return List.of();
        }

        public Optional<ScanReport> latestScan() {
            return scan;
        }

        public List<TrackerFinding> trackerFindings(int limit) {
            limits.add(limit);
            return findings;
        }

        @Override
        public List<io.tradepilot.scheduler.SetupLine> setups(java.time.LocalDate day) {
            return List.of();
        }

        @Override
        public List<io.tradepilot.scheduler.NearBreakout> nearBreakouts(java.time.LocalDate day) {
            return List.of();
        }
    };

    /** Held here: Vaadin keeps the current UI only weakly, and a collection mid-test would lose it. */
    private final UI ui = new UI();

    @BeforeEach
    void ui() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    @Test
    void jobs_runs_and_misfires_are_listed_and_an_absent_scan_is_explained() {
        JobsView view = new JobsView(queries);
        assertThat(view.jobs.getGenericDataView().getItems().toList()).extracting(JobStatus::name).containsExactly("eod-report-NSE");
        assertThat(view.runs.getGenericDataView().getItems().toList()).extracting(JobRun::outcome).containsExactly("SUCCEEDED", "MISFIRED");
        assertThat(view.scanSummary.getText()).startsWith("No scan yet");
        assertThat(view.setups.isVisible()).isFalse();
        assertThat(limits).containsExactly(JobsView.RUNS, JobsView.FINDINGS);
    }

    @Test
    void failures_misfires_and_exits_stand_out_as_error_badges() {
        assertThat(JobsView.badge("MISFIRED").getElement().getThemeList()).contains("badge", "error");
        assertThat(JobsView.badge("exit").getElement().getThemeList()).contains("badge", "error");
        assertThat(JobsView.badge("SUCCEEDED").getElement().getThemeList()).contains("badge", "success");
        assertThat(JobsView.badge("SKIPPED").getText()).isEqualTo("SKIPPED");
    }

    @Test
    void refresh_shows_the_latest_scan_setups_and_tracker_findings() {
        JobsView view = new JobsView(queries);
        scan = Optional.of(new ScanReport(7, "3wi", "NSE", LocalDate.of(2026, 12, 4), T, 120, List.of(new ScanReport.Row("INFY",
                "BREAKOUT_UP", true, new BigDecimal("1510"), new BigDecimal("1450"), new BigDecimal("1511"), new BigDecimal("1449"),
                new BigDecimal("1573"), new BigDecimal("1635"), new BigDecimal("40"), true, ""))));
        findings = List.of(new TrackerFinding(T, "TCS", "exit", new BigDecimal("10"), new BigDecimal("4000"), new BigDecimal("3750"),
                new BigDecimal("-0.0625"), T));
        view.refresh();
        assertThat(view.scanSummary.getText()).isEqualTo("3wi scan of NSE as of 2026-12-04 (stored 2026-12-04 10:45:00 UTC): 120 symbols, 1 setups");
        assertThat(view.setups.isVisible()).isTrue();
        assertThat(view.setups.getGenericDataView().getItems().toList()).extracting(ScanReport.Row::symbol).containsExactly("INFY");
        assertThat(view.findings.getGenericDataView().getItems().toList()).extracting(TrackerFinding::rule).containsExactly("exit");
    }
}
