package io.tradepilot.engine.marketdata;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ResamplerTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void weekly_bars_aggregate_monday_based_weeks_including_a_holiday_short_week() throws Exception {
        BarSeries daily = CsvBarReader.read(Path.of(getClass().getResource("/marketdata/daily_sample.csv").toURI()), IST);
        BarSeries w = Resampler.weekly(daily);
        assertThat(w.size()).isEqualTo(5);
        assertThat(w.stamping()).isEqualTo(TimeStamping.DATE);
        // week of Mon 2021-04-26: O first, H max, L min, C last, V sum
        week(w, 0, "2021-04-26", "100.00", "106.00", "99.10", "102.80", 55000);
        week(w, 1, "2021-05-03", "102.80", "106.20", "101.00", "106.00", 62500);
        // 2021-05-13 (Thursday) was a holiday: four bars
        week(w, 2, "2021-05-10", "106.00", "107.00", "103.00", "104.60", 46700);
        week(w, 3, "2021-05-17", "104.60", "107.90", "104.20", "106.30", 57600);
        // the last, partial week
        week(w, 4, "2021-05-24", "106.30", "108.00", "106.00", "107.70", 15500);
    }

    @Test
    void a_week_starting_with_a_holiday_is_still_stamped_monday_and_years_do_not_split_weeks() throws Exception {
        String csv = CsvBarReaderTest.H
                + "2020-12-29,10,11,9,10.5,1\n2020-12-31,10.5,12,10,11,2\n2021-01-01,11,11.5,10.5,11.2,3\n"
                + "2021-01-05,11.2,11.4,11,11.3,4\n";
        BarSeries w = Resampler.weekly(CsvBarReader.parse(csv.getBytes(), "y.csv", "Y", IST));
        assertThat(w.size()).isEqualTo(2);
        week(w, 0, "2020-12-28", "10", "12", "9", "11.2", 6);
        week(w, 1, "2021-01-04", "11.2", "11.4", "11", "11.3", 4);
    }

    @Test
    void a_sunday_special_session_belongs_to_the_week_it_ends() throws Exception {
        // 2023-11-12 was a Sunday (Diwali Muhurat trading): ISO weeks run Monday..Sunday
        String csv = CsvBarReaderTest.H
                + "2023-11-10T09:15:00+05:30,10,11,9,10,1\n2023-11-12T18:15:00+05:30,10,12,10,11,2\n2023-11-13T09:15:00+05:30,11,11,10,10.5,3\n";
        BarSeries w = Resampler.weekly(CsvBarReader.parse(csv.getBytes(), "m.csv", "M", IST));
        assertThat(w.size()).isEqualTo(2);
        week(w, 0, "2023-11-06", "10", "12", "9", "11", 3);
        week(w, 1, "2023-11-13", "11", "11", "10", "10.5", 3);
    }

    @Test
    void intraday_bars_aggregate_to_local_trading_days() throws Exception {
        BarSeries s = CsvBarReader.read(Path.of(getClass().getResource("/marketdata/intraday_sample.csv").toURI()), IST);
        BarSeries d = Resampler.daily(s);
        assertThat(d.size()).isEqualTo(2);
        week(d, 0, "2023-07-03", "1000.05", "1006.40", "999.00", "1006.20", 153000);
        week(d, 1, "2023-07-04", "1008.00", "1010.00", "1007.00", "1008.35", 88000);
    }

    @Test
    void synthetic_intraday_weeks_equal_weeks_of_its_daily_bars() {
        BarSeries intraday = SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("S", 40, 11));
        assertThat(Resampler.weekly(intraday)).isEqualTo(Resampler.weekly(Resampler.daily(intraday)));
        assertThat(Resampler.mondayOf(LocalDate.of(2024, 1, 7).toEpochDay())).isEqualTo(LocalDate.of(2024, 1, 1).toEpochDay());
    }

    private static void week(BarSeries w, int i, String monday, String o, String h, String l, String c, long v) {
        assertThat(w.start(i)).isEqualTo(LocalDate.parse(monday).atStartOfDay(IST).toInstant());
        var b = w.bar(i);
        assertThat(b.open().value()).isEqualByComparingTo(o);
        assertThat(b.high().value()).isEqualByComparingTo(h);
        assertThat(b.low().value()).isEqualByComparingTo(l);
        assertThat(b.close().value()).isEqualByComparingTo(c);
        assertThat(b.volume()).isEqualTo(v);
    }
}
