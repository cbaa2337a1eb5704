package io.tradepilot.journal.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.journal.ReportPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored reports an end-of-day report completes. */
class ReportWriterTest {

    private final ExchangeCalendar nse = ExchangeCalendar.nse();

    @Test
    void the_last_trading_day_of_a_week_or_month_completes_that_period_too() {
        LocalDate wednesday = LocalDate.of(2026, 3, 4);
        assertThat(ReportWriter.periodsEndingOn(wednesday, nse)).isEmpty();
        LocalDate friday = nse.isTradingDay(LocalDate.of(2026, 3, 6)) ? LocalDate.of(2026, 3, 6) : nse.previousTradingDay(LocalDate.of(2026, 3, 7));
        assertThat(ReportWriter.periodsEndingOn(friday, nse)).containsExactly(ReportPeriod.WEEK);
        LocalDate lastOfMarch = nse.previousTradingDay(LocalDate.of(2026, 4, 1));
        assertThat(ReportWriter.periodsEndingOn(lastOfMarch, nse)).contains(ReportPeriod.MONTH);
    }
}
