package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulerAlertsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final List<String> raised = alerts.raised;

    private static SchedulerQueries reports(EodReport... reports) {
        return new SchedulerQueries() {
            public List<JobStatus> jobs() { return List.of(); }
            public List<JobRun> runs(int limit) { return List.of(); }
            public List<EodReport> eodReports(int limit) { return List.of(reports); }
            public List<EodReport> eodReports(LocalDate day) { return List.of(); }
            public Optional<ScanReport> latestScan() { return Optional.empty(); }
            public List<io.tradepilot.scheduler.TrackerFinding> trackerFindings(int limit) { return List.of(); }
            public List<io.tradepilot.scheduler.SetupLine> setups(java.time.LocalDate day) { return List.of(); }
            public List<io.tradepilot.scheduler.NearBreakout> nearBreakouts(java.time.LocalDate day) { return List.of(); }
        };
    }

    @Test
    void each_report_of_the_last_day_is_raised_with_its_own_source_id_and_exact_amounts() {
        EodReport today = new EodReport(LocalDate.of(2026, 3, 2), "NSE", NOW.minus(Duration.ofMinutes(30)), new BigDecimal("100000"),
                new BigDecimal("101234.50"), new BigDecimal("1234.50"),
                List.of(new EodReport.StrategyLine("sma", 3, 2, new BigDecimal("1300.00"), new BigDecimal("65.50"))),
                List.of(new EodReport.PositionLine("INFY", new BigDecimal("-10"), new BigDecimal("1500.25"))));
        EodReport old = new EodReport(LocalDate.of(2026, 2, 27), "NSE", NOW.minus(Duration.ofDays(3)), null, null, null, List.of(), List.of());
        new SchedulerAlerts(() -> reports(today, old), alerts, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1)).raiseNew();
        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst()).startsWith("EOD_REPORT|eod:NSE|eod:2026-03-02:NSE|End-of-day report NSE 2026-03-02|")
                .contains("100000 → 101234.50 (change 1234.50)").contains("sma: 3 trades, 2 won, net 1300.00, fees 65.50")
                .contains("INFY -10 @ 1500.25");
    }

    @Test
    void without_the_scheduler_nothing_is_raised() {
        new SchedulerAlerts(() -> null, alerts, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1)).raiseNew();
        assertThat(raised).isEmpty();
    }
}
