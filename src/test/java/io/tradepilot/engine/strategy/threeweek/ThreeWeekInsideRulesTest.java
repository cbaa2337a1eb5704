package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BEHAVIOUR.md's 3WI vectors, one test each, plus the mirrored short and the score's bands. */
class ThreeWeekInsideRulesTest {
    static final LocalDate W0 = LocalDate.of(2024, 1, 1);

    /** A week with prices in rupees (2 decimals). */
    static WeekBar week(int n, String high, String low, String close) {
        long h = p(high), l = p(low), c = p(close);
        return new WeekBar(W0.plusWeeks(n), W0.plusWeeks(n).plusDays(4), l, h, l, c, 1000, 2);
    }

    static long p(String s) {
        return new BigDecimal(s).movePointRight(2).longValueExact();
    }

    static final WeekBar MOTHER = week(0, "110", "90", "100");

    @Test
    void mother_110_90_then_105_95_and_108_92_is_a_pattern_with_a_20_percent_range() {
        assertTrue(ThreeWeekInsideRules.isPattern(MOTHER, week(1, "105", "95", "100"), week(2, "108", "92", "100")));
        assertEquals(0.20, ThreeWeekInsideRules.rangeFraction(MOTHER), 1e-12);
    }

    @Test
    void an_inside_week_with_a_high_equal_to_the_mother_high_still_counts() {
        assertTrue(ThreeWeekInsideRules.isInside(week(1, "110", "95", "100"), MOTHER));
        assertTrue(ThreeWeekInsideRules.isInside(week(1, "105", "90", "100"), MOTHER));
        assertTrue(ThreeWeekInsideRules.isPattern(MOTHER, week(1, "110", "95", "100"), week(2, "108", "90", "100")));
    }

    @Test
    void a_low_of_89_90_breaks_the_pattern() {
        assertFalse(ThreeWeekInsideRules.isInside(week(2, "108", "89.9", "100"), MOTHER));
        assertFalse(ThreeWeekInsideRules.isPattern(MOTHER, week(1, "105", "95", "100"), week(2, "108", "89.9", "100")));
        assertFalse(ThreeWeekInsideRules.isPattern(MOTHER, week(1, "110.01", "95", "100"), week(2, "108", "92", "100")));
    }

    @Test
    void a_close_of_110_01_is_an_up_breakout_and_110_00_is_none() {
        assertEquals(Direction.UP, ThreeWeekInsideRules.breakout(p("110.01"), p("110"), p("90")));
        assertNull(ThreeWeekInsideRules.breakout(p("110.00"), p("110"), p("90")));
    }

    @Test
    void a_close_strictly_below_the_mother_low_is_a_down_breakout_and_equal_is_none() {
        assertEquals(Direction.DOWN, ThreeWeekInsideRules.breakout(p("89.99"), p("110"), p("90")));
        assertNull(ThreeWeekInsideRules.breakout(p("90"), p("110"), p("90")));
    }

    @Test
    void a_close_of_108_90_is_a_near_breakout_and_108_89_is_not() {
        assertTrue(ThreeWeekInsideRules.isNearBreakout(p("108.9"), p("110")));
        assertFalse(ThreeWeekInsideRules.isNearBreakout(p("108.89"), p("110")));
    }

    @Test
    void entry_111_stop_90_gives_r_21_targets_142_5_and_174_and_285_shares_on_400000_at_1_5_percent() {
        TradePlan plan = ThreeWeekInsideRules.plan(Side.BUY, new BigDecimal("111"), new BigDecimal("90"),
                new BigDecimal("400000"), new BigDecimal("0.015"), BigDecimal.ONE);
        assertEquals(0, plan.r().compareTo(new BigDecimal("21")));
        assertEquals(0, plan.t1().compareTo(new BigDecimal("142.5")));
        assertEquals(0, plan.t2().compareTo(new BigDecimal("174")));
        assertEquals(0, plan.quantity().compareTo(new BigDecimal("285")));
        assertEquals(0, plan.risk().compareTo(new BigDecimal("5985")));
    }

    @Test
    void a_short_mirrors_the_plan_with_targets_below_the_entry_and_the_same_size() {
        TradePlan plan = ThreeWeekInsideRules.plan(Side.SELL, new BigDecimal("89"), new BigDecimal("110"),
                new BigDecimal("400000"), new BigDecimal("0.015"), BigDecimal.ONE);
        assertEquals(0, plan.r().compareTo(new BigDecimal("21")));
        assertEquals(0, plan.t1().compareTo(new BigDecimal("57.5")));
        assertEquals(0, plan.t2().compareTo(new BigDecimal("26")));
        assertEquals(0, plan.quantity().compareTo(new BigDecimal("285")));
    }

    @Test
    void a_plan_with_the_entry_on_the_wrong_side_of_the_stop_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ThreeWeekInsideRules.plan(Side.SELL, new BigDecimal("111"),
                new BigDecimal("90"), new BigDecimal("400000"), new BigDecimal("0.015"), BigDecimal.ONE));
    }

    static WeekIndicators ind(double close, double rsi, double sma20, double sma50, double volumeRatio) {
        return new WeekIndicators(close, rsi, 0, 0, 0, sma20, sma50, volumeRatio, 1);
    }

    @Test
    void the_best_setup_scores_100_and_each_band_scores_as_specified() {
        WeekBar m5 = week(0, "105", "100", "102"); // range 5/102 = 4.9 %
        assertEquals(100, ThreeWeekInsideRules.quality(m5, ind(110, 60, 105, 100, 1.5)));
        assertEquals(20 + 15 + 15 + 10, ThreeWeekInsideRules.quality(week(0, "110", "100", "100"), ind(110, 52, 105, 106, 1.2)));
        assertEquals(0, ThreeWeekInsideRules.quality(MOTHER, ind(90, 85, 100, 105, 1.0))); // range 20 %: nothing
    }

    @Test
    void range_bounds_are_inclusive_and_exact() {
        assertEquals(30, ThreeWeekInsideRules.quality(week(0, "102", "100", "100"), ind(0, Double.NaN, 1, 2, Double.NaN))); // 2 %
        assertEquals(30, ThreeWeekInsideRules.quality(week(0, "108", "100", "100"), ind(0, Double.NaN, 1, 2, Double.NaN))); // 8 %
        assertEquals(20, ThreeWeekInsideRules.quality(week(0, "101", "100", "100"), ind(0, Double.NaN, 1, 2, Double.NaN))); // 1 %
        assertEquals(20, ThreeWeekInsideRules.quality(week(0, "112", "100", "100"), ind(0, Double.NaN, 1, 2, Double.NaN))); // 12 %
        assertEquals(0, ThreeWeekInsideRules.quality(week(0, "112.01", "100", "100"), ind(0, Double.NaN, 1, 2, Double.NaN)));
    }

    @Test
    void rsi_75_scores_20_and_rsi_80_scores_10() {
        WeekBar wide = week(0, "150", "100", "100");
        assertEquals(20, ThreeWeekInsideRules.quality(wide, ind(0, 75, 1, 2, 0)));
        assertEquals(10, ThreeWeekInsideRules.quality(wide, ind(0, 80, 1, 2, 0)));
        assertEquals(0, ThreeWeekInsideRules.quality(wide, ind(0, 80.01, 1, 2, 0)));
    }

    @Test
    void filters_need_rsi_above_55_rising_weighted_averages_volume_1_5x_and_atr_below_6_percent() {
        WeekIndicators ok = new WeekIndicators(100, 56, 103, 102, 101, 0, 0, 1.5, 5.99);
        assertTrue(ThreeWeekInsideRules.filters(ok, Direction.UP).passed());
        assertEquals(java.util.List.of("rsi"), ThreeWeekInsideRules.filters(new WeekIndicators(100, 55, 103, 102, 101, 0, 0, 1.5, 5), Direction.UP).failed());
        assertEquals(java.util.List.of("trend"), ThreeWeekInsideRules.filters(new WeekIndicators(100, 60, 103, 102, 102, 0, 0, 1.5, 5), Direction.UP).failed());
        assertEquals(java.util.List.of("volume"), ThreeWeekInsideRules.filters(new WeekIndicators(100, 60, 103, 102, 101, 0, 0, 1.49, 5), Direction.UP).failed());
        assertEquals(java.util.List.of("atr"), ThreeWeekInsideRules.filters(new WeekIndicators(100, 60, 103, 102, 101, 0, 0, 1.5, 6), Direction.UP).failed());
        assertEquals(java.util.List.of("rsi", "trend", "volume", "atr"), ThreeWeekInsideRules.filters(
                new WeekIndicators(100, Double.NaN, Double.NaN, 1, 1, 0, 0, Double.NaN, Double.NaN), Direction.UP).failed());
    }

    @Test
    void short_filters_are_mirrored() {
        WeekIndicators down = new WeekIndicators(100, 44, 101, 102, 103, 0, 0, 2, 3);
        assertTrue(ThreeWeekInsideRules.filters(down, Direction.DOWN).passed());
        assertFalse(ThreeWeekInsideRules.filters(down, Direction.UP).passed());
    }
}
