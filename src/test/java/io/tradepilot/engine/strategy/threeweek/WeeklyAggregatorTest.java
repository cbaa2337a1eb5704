package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.Resampler;
import io.tradepilot.engine.marketdata.TimeStamping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WeeklyAggregatorTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final ExchangeCalendar NSE = ExchangeCalendar.nse();

    /** Daily bars on every NSE trading day between the dates, prices drifting so weeks differ. */
    static BarSeries nseDays(LocalDate from, LocalDate to) {
        BarSeries.Builder b = new BarSeries.Builder("X", IST, TimeStamping.DATE, 2, 600);
        long p = 10_000;
        int i = 0;
        for (LocalDate d : NSE.tradingDays(from, to)) {
            long o = p, c = p + ((i * 37) % 11 - 5) * 10, h = Math.max(o, c) + 30, l = Math.min(o, c) - 20;
            b.add(d.atStartOfDay(IST).toInstant().toEpochMilli(), o, h, l, c, 1000 + i);
            p = c;
            i++;
        }
        return b.build();
    }

    static List<WeekBar> stream(BarSeries s) {
        WeeklyAggregator a = new WeeklyAggregator(NSE);
        List<WeekBar> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            var c = a.onDay(s.startMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), s.priceScale());
            if (c.earlier() != null) add(out, c.earlier());
            if (c.current() != null) add(out, c.current());
        }
        WeekBar last = a.current();
        if (last != null && (out.isEmpty() || !out.get(out.size() - 1).monday().equals(last.monday()))) out.add(last);
        return out;
    }

    /** Adds a week, replacing an amended repeat of the last one. */
    static void add(List<WeekBar> out, WeekBar w) {
        if (!out.isEmpty() && out.get(out.size() - 1).monday().equals(w.monday())) out.set(out.size() - 1, w);
        else out.add(w);
    }

    static void assertSameAsResampler(BarSeries daily) {
        BarSeries weekly = Resampler.weekly(daily);
        List<WeekBar> streamed = stream(daily);
        assertEquals(weekly.size(), streamed.size(), "week count");
        for (int i = 0; i < weekly.size(); i++) {
            WeekBar w = streamed.get(i);
            assertEquals(weekly.start(i), w.monday().atStartOfDay(IST).toInstant(), "monday of week " + i);
            assertEquals(List.of(weekly.open(i), weekly.high(i), weekly.low(i), weekly.close(i), weekly.volume(i)),
                    List.of(w.open(), w.high(), w.low(), w.close(), w.volume()), "week " + w.monday());
        }
    }

    @Test
    void streamed_weeks_equal_the_resampler_across_the_nse_holidays_of_2023_and_2024() {
        assertSameAsResampler(nseDays(LocalDate.of(2023, 1, 2), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void a_week_whose_friday_is_a_holiday_completes_on_thursday() {
        // 2024-01-26 (Friday) Republic Day; 2024-01-22 (Monday) also closed: a three-day week
        WeeklyAggregator a = new WeeklyAggregator(NSE);
        BarSeries s = nseDays(LocalDate.of(2024, 1, 22), LocalDate.of(2024, 1, 26));
        assertEquals(3, s.size());
        assertNull(a.onDay(s.startMillis(0), s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0), 2).current());
        assertNull(a.onDay(s.startMillis(1), s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1), 2).current());
        WeekBar w = a.onDay(s.startMillis(2), s.open(2), s.high(2), s.low(2), s.close(2), s.volume(2), 2).current();
        assertNotNull(w);
        assertEquals(LocalDate.of(2024, 1, 22), w.monday());
        assertEquals(LocalDate.of(2024, 1, 25), w.lastDay());
    }

    @Test
    void before_2018_a_week_whose_friday_was_a_holiday_also_completes_on_thursday() {
        // Friday 2003-03-14 (Holi) was closed; before the 2000-2017 holidays were in calendars/NSE.csv the
        // week completed only when Monday's bar arrived, so an entry decided on it filled a day late
        WeeklyAggregator a = new WeeklyAggregator(NSE);
        BarSeries s = nseDays(LocalDate.of(2003, 3, 10), LocalDate.of(2003, 3, 17));
        assertEquals(5, s.size(), "Mon-Thu and the next Monday");
        for (int i = 0; i < 3; i++) assertNull(a.onDay(s.startMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), 2).current());
        WeekBar w = a.onDay(s.startMillis(3), s.open(3), s.high(3), s.low(3), s.close(3), s.volume(3), 2).current();
        assertNotNull(w);
        assertEquals(LocalDate.of(2003, 3, 13), w.lastDay());
        assertNull(a.onDay(s.startMillis(4), s.open(4), s.high(4), s.low(4), s.close(4), s.volume(4), 2).earlier(), "nothing left to complete on Monday");
    }

    @Test
    void a_week_missing_its_last_bar_completes_when_the_next_week_starts() {
        WeeklyAggregator a = new WeeklyAggregator(NSE);
        BarSeries s = nseDays(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 12));
        for (int i = 0; i < 4; i++) assertNull(a.onDay(s.startMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), 2).current());
        // skip Friday 2024-02-09 (index 4): missing data
        var c = a.onDay(s.startMillis(5), s.open(5), s.high(5), s.low(5), s.close(5), s.volume(5), 2);
        assertEquals(LocalDate.of(2024, 2, 8), c.earlier().lastDay());
        assertNull(c.current());
    }

    @Test
    void streamed_weeks_equal_the_resampler_on_real_nse_data() throws IOException {
        Path file = Path.of(System.getProperty("tradepilot.shared.data", "../shared/data"), "nifty50_daily_2020_2025", "RELIANCE.csv");
        assumeTrue(Files.isRegularFile(file), "shared data file " + file.toAbsolutePath().normalize() + " is absent");
        assertSameAsResampler(CsvBarReader.read(file, IST));
    }
}
