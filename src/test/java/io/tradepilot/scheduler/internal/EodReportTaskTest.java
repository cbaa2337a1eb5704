package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which day a report run covers, on time and late (misfire fired at the next start). */
class EodReportTaskTest {

    private static final ExchangeCalendar NSE = ExchangeCalendar.nse();
    private static final SessionTime AFTER_CLOSE = new SessionTime.AfterClose(Duration.ofMinutes(15));

    @Test
    void a_run_on_time_reports_its_own_day() {
        assertThat(EodReportTask.reportedDay(NSE, AFTER_CLOSE, Instant.parse("2025-10-20T10:15:00Z"))) // 15:45 IST
                .isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void a_late_run_after_a_holiday_reports_the_missed_trading_day() {
        // missed Monday 20 Oct 15:45 IST; the app came back on 22 Oct (Diwali holidays) at 09:00 IST
        assertThat(EodReportTask.reportedDay(NSE, AFTER_CLOSE, Instant.parse("2025-10-22T03:30:00Z")))
                .isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void a_run_just_before_the_report_time_reports_the_previous_trading_day() {
        // Monday 27 Oct 2025 12:00 IST: today's report is not due; the last due one is Friday 24 Oct
        assertThat(EodReportTask.reportedDay(NSE, AFTER_CLOSE, Instant.parse("2025-10-27T06:30:00Z")))
                .isEqualTo(LocalDate.of(2025, 10, 24));
    }
}
