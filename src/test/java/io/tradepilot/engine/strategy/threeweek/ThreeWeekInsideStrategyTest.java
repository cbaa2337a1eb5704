package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.strategy.exits.AlertLog;
import io.tradepilot.engine.strategy.exits.PositionTracker;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The strategy end to end on daily bars: weeks, setup, breakout, sized entry at the next open, tracker exit. */
class ThreeWeekInsideStrategyTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final Instrument X = Instrument.nseEquity("X");

    static final List<Bar> bars = new ArrayList<>();

    static void day(List<Bar> out, String date, String o, String h, String l, String c) {
        out.add(new Bar(LocalDate.parse(date).atStartOfDay(IST).toInstant(), Price.of(o), Price.of(h), Price.of(l), Price.of(c), 1000));
    }

    /** Mother week of 2025-01-06 (H110 L90 C100), two inside weeks, then a week (Saturday session included) closing at {@code breakoutClose}. */
    static List<Bar> pattern(String breakoutHigh, String breakoutLow, String breakoutClose) {
        List<Bar> b = new ArrayList<>();
        day(b, "2025-01-06", "100", "110", "100", "105");
        day(b, "2025-01-07", "105", "106", "90", "95");
        day(b, "2025-01-08", "95", "100", "95", "98");
        day(b, "2025-01-09", "98", "101", "97", "100");
        day(b, "2025-01-10", "100", "101", "99", "100");
        for (String d : List.of("2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16", "2025-01-17",
                "2025-01-20", "2025-01-21", "2025-01-22", "2025-01-23", "2025-01-24",
                "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30")) {
            day(b, d, "100", "102", "98", "100");
        }
        day(b, "2025-01-31", "100", breakoutHigh, breakoutLow, breakoutClose);
        // NSE traded on Saturday 2025-02-01 (Budget day, a SPECIAL_SESSION in calendars/NSE.csv), so the
        // breakout week completes on that Saturday; a flat bar at the breakout close leaves the week's OHLC as it was
        day(b, "2025-02-01", breakoutClose, breakoutClose, breakoutClose, breakoutClose);
        return b;
    }

    static ThreeWeekInsideStrategy strategy(boolean shorts) {
        var p = new ThreeWeekInsideParameters(new BigDecimal("400000"), new BigDecimal("0.015"), new BigDecimal("0.06"), 4, shorts, false);
        return new ThreeWeekInsideStrategy(p, ExchangeCalendar.nse(), PositionTracker.seedDefaults(new AlertLog()));
    }

    static BacktestResult run(ThreeWeekInsideStrategy s, List<Bar> bars) {
        return Backtest.run(X, bars, IST, s, BacktestConfig.of(new BigDecimal("1000000")));
    }

    @Test
    void a_weekly_close_above_the_mother_high_buys_285_at_the_next_open_and_the_stop_at_the_mother_low_exits_at_minus_1r() {
        List<Bar> b = pattern("112", "100", "111");
        day(b, "2025-02-03", "111", "112", "110", "111");
        day(b, "2025-02-04", "111", "111", "89", "89.5");
        var s = strategy(false);
        BacktestResult r = run(s, b);
        assertEquals(1, s.entries().size());
        var e = s.entries().get(0);
        assertNull(e.skipped());
        assertEquals("X_1W_2025-01-20", e.setup().id());
        assertEquals(0, e.plan().quantity().compareTo(new BigDecimal("285")));
        assertEquals(0, e.plan().t1().compareTo(new BigDecimal("142.5")));
        assertEquals(1, r.trades().size());
        RoundTrip t = r.trades().get(0);
        assertEquals(Side.BUY, t.direction());
        assertEquals(0, t.entryPrice().compareTo(new BigDecimal("111")));
        assertEquals(LocalDate.parse("2025-02-03").atStartOfDay(IST).toInstant(), t.entryTime());
        assertEquals(0, t.exitPrice().compareTo(new BigDecimal("90")));
        assertEquals(0, t.rMultiple().compareTo(BigDecimal.ONE.negate()));
    }

    @Test
    void a_weekly_close_below_the_mother_low_sells_short_with_the_stop_at_the_mother_high_when_shorts_are_allowed() {
        List<Bar> b = pattern("100", "88", "89");
        day(b, "2025-02-03", "89", "90", "88", "89");
        day(b, "2025-02-04", "89", "112", "89", "111");
        var s = strategy(true);
        BacktestResult r = run(s, b);
        var e = s.entries().get(0);
        assertEquals(Side.SELL, e.plan().side());
        assertEquals(0, e.plan().stop().compareTo(new BigDecimal("110")));
        assertEquals(0, e.plan().t1().compareTo(new BigDecimal("57.5")));
        assertEquals(0, e.plan().quantity().compareTo(new BigDecimal("285")));
        RoundTrip t = r.trades().get(0);
        assertEquals(Side.SELL, t.direction());
        assertEquals(0, t.exitPrice().compareTo(new BigDecimal("110")));
    }

    @Test
    void a_down_breakout_is_skipped_when_shorts_are_not_allowed() {
        var s = strategy(false);
        BacktestResult r = run(s, pattern("100", "88", "89"));
        assertEquals("shorts not allowed", s.entries().get(0).skipped());
        assertEquals(0, r.ordersAccepted());
    }

    @Test
    void a_close_equal_to_the_mother_high_enters_nothing() {
        var s = strategy(false);
        run(s, pattern("110", "100", "110"));
        assertEquals(List.of(), s.entries());
        assertEquals(SetupStatus.ACTIVE, s.setups().iterator().next().status());
    }

    @Test
    void with_the_filters_required_an_unfiltered_breakout_is_skipped_and_says_which_filters_failed() {
        var s = new ThreeWeekInsideStrategy();
        run(s, pattern("112", "100", "111"));
        assertEquals("filters failed: [rsi, trend, volume, atr]", s.entries().get(0).skipped());
    }

    @Test
    void the_same_bars_give_the_same_setups_entries_and_trades() {
        List<Bar> b = pattern("112", "100", "111");
        day(b, "2025-02-03", "111", "112", "110", "111");
        var a = strategy(false);
        var c = strategy(false);
        var ra = run(a, b);
        var rc = run(c, b);
        assertEquals(List.copyOf(a.setups()), List.copyOf(c.setups()));
        assertEquals(a.entries(), c.entries());
        assertEquals(ra.trades(), rc.trades());
    }
}
