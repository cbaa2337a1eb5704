package io.tradepilot.alerts.internal;

import static io.tradepilot.db.Tables.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.journal.JournalReports;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's weekly and monthly reports go out through the real {@link Alerts} on PostgreSQL: each stored report of
 * the last day once (by its source id, however often it is looked at), older ones not at all, and the bean is wired.
 */
class JournalReportAlertsIT extends IntegrationTestSupport {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Autowired Alerts alerts;
    @Autowired DSLContext db;
    @Autowired JournalReportAlerts wired;

    @BeforeEach
    void noAlerts() {
        db.execute("TRUNCATE alert_delivery, alert, alert_rule RESTART IDENTITY CASCADE");
    }

    private final List<PerformanceReport> stored = new ArrayList<>();

    private final JournalReports reports = new JournalReports() {
        @Override public List<PerformanceReport> stored(ReportPeriod period, int limit) {
            return stored.stream().filter(r -> r.period() == period).limit(limit).toList();
        }
        @Override public Optional<PerformanceReport> stored(ReportPeriod period, LocalDate start) { return Optional.empty(); }
        @Override public PerformanceReport now(ReportPeriod period, LocalDate day) { throw new UnsupportedOperationException(); }
    };

    private PerformanceReport report(ReportPeriod period, LocalDate day, Instant createdAt) {
        return PerformanceReport.of(period, day, createdAt, List.of(), IST,
                new PerformanceReport.Portfolio(new BigDecimal("1000000"), new BigDecimal("25000"), List.of(
                        new PerformanceReport.PositionLine("TCS", new BigDecimal("10"), new BigDecimal("4000"), new BigDecimal("4100"),
                                new BigDecimal("1000")))));
    }

    @Test
    void a_weekly_and_a_monthly_report_stored_in_the_last_day_go_out_once_each_and_older_ones_not() {
        Instant now = clock.instant();
        stored.add(report(ReportPeriod.WEEK, LocalDate.of(2026, 11, 27), now.minusSeconds(600)));
        stored.add(report(ReportPeriod.WEEK, LocalDate.of(2026, 11, 20), now.minus(Duration.ofDays(7))));
        stored.add(report(ReportPeriod.MONTH, LocalDate.of(2026, 11, 27), now.minusSeconds(600)));
        JournalReportAlerts sender = new JournalReportAlerts(() -> reports, alerts, clock, Duration.ofMinutes(1));
        sender.raiseNew();
        sender.raiseNew();
        wired.raiseNew(); // the application's own bean reads the (empty) stored reports without failing
        assertThat(db.fetchCount(ALERT, ALERT.RULE.eq(AlertRule.PERIOD_REPORT.name()))).isEqualTo(2);
        assertThat(db.select(ALERT.TITLE).from(ALERT).orderBy(ALERT.ID).fetch(ALERT.TITLE))
                .containsExactly("Weekly report 2026-11-23 to 2026-11-29", "Monthly report 2026-11-01 to 2026-11-30");
        assertThat(db.fetchValue(ALERT.BODY, ALERT.TITLE.startsWith("Weekly")))
                .startsWith("Net P&L 0, fees 0, 0 trades (0 won, 0 lost)")
                .contains("Open positions: 1\nTCS 10 @ 4000, unrealized 1000", "Open risk 25000 (2.5 % of equity)");
    }
}
