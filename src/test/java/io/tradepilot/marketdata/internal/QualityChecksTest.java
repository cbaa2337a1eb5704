package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.QualityIssue.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QualityChecksTest {

    private static final ExchangeCalendar NSE = ExchangeCalendar.nse();

    private static QualityChecks.Report check(String csv, String interval) {
        CsvBarCheck.Result r = CsvBarCheck.check(csv.getBytes(StandardCharsets.UTF_8), "INFY", NSE.zone(), !interval.equals("1d"));
        assertThat(r.errors()).isEmpty();
        BarSeries s = r.series();
        return QualityChecks.check(s, r.lines(), NSE, BarInterval.parse(interval), 0.2);
    }

    @Test
    void daily_gaps_count_missing_trading_days_not_weekends_or_holidays() {
        // 2024-01-26 (Fri) is Republic Day; 2024-01-22 (Mon) a special NSE holiday
        QualityChecks.Report r = check("""
                date,open,high,low,close,volume
                2024-01-19,100,101,99,100,10
                2024-01-23,100,101,99,100,10
                2024-01-25,100,101,99,100,10
                2024-01-29,100,101,99,100,10
                2024-02-01,100,101,99,100,10
                """, "1d");
        assertThat(r.gaps()).isEqualTo(2);
        assertThat(r.missingBars()).isEqualTo(3);
        assertThat(r.warnings()).extracting(QualityIssue::line).containsExactly(4L, 6L);
        assertThat(r.warnings().getFirst().message()).contains("1 bar missing between 2024-01-23 and 2024-01-25");
    }

    @Test
    void a_bar_on_a_holiday_is_off_session_and_a_big_move_an_outlier() {
        QualityChecks.Report r = check("""
                date,open,high,low,close,volume
                2024-01-25,100,101,99,100,10
                2024-01-26,100,101,99,100,10
                2024-01-29,100,130,99,125,10
                """, "1d");
        assertThat(r.offSession()).isEqualTo(1);
        assertThat(r.outliers()).isEqualTo(1);
        assertThat(r.warnings()).extracting(QualityIssue::kind).containsExactly(Kind.OFF_SESSION, Kind.OUTLIER);
        assertThat(r.warnings().get(1).message()).contains("+25.0 %");
    }

    @Test
    void intraday_gaps_follow_the_session_grid_across_days() {
        QualityChecks.Report r = check("""
                date,open,high,low,close,volume
                2024-01-25T15:15:00+05:30,100,101,99,100,10
                2024-01-25T15:20:00+05:30,100,101,99,100,10
                2024-01-29T09:15:00+05:30,100,101,99,100,10
                2024-01-29T09:30:00+05:30,100,101,99,100,10
                2024-01-29T16:00:00+05:30,100,101,99,100,10
                """, "5m");
        // 15:25 on the 25th is missing (the 26th is a holiday, the 27th-28th a weekend), then 09:20 and 09:25, then 09:35..15:25
        assertThat(r.warnings()).filteredOn(i -> i.kind() == Kind.GAP).extracting(QualityIssue::line).containsExactly(4L, 5L, 6L);
        assertThat(r.missingBars()).isEqualTo(1 + 2 + 71);
        assertThat(r.offSession()).isEqualTo(1);
    }

    @Test
    void years_the_calendar_does_not_cover_are_flagged_once_and_not_gap_checked() {
        QualityChecks.Report r = check("""
                date,open,high,low,close,volume
                1990-01-01,100,101,99,100,10
                1990-03-01,100,101,99,100,10
                """, "1d");
        assertThat(r.gaps()).isZero();
        assertThat(r.warnings()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(Kind.CALENDAR));
    }
}
