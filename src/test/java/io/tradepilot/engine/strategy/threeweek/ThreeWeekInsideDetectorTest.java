package io.tradepilot.engine.strategy.threeweek;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideRulesTest.week;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreeWeekInsideDetectorTest {

    static List<SetupEvent> feed(ThreeWeekInsideDetector d, WeekBar... weeks) {
        List<SetupEvent> all = new ArrayList<>();
        for (WeekBar w : weeks) all.addAll(d.onWeek(w));
        return all;
    }

    @Test
    void the_pattern_is_detected_on_the_second_inside_week_with_id_symbol_timeframe_week() {
        var d = new ThreeWeekInsideDetector("ABC");
        var events = feed(d, week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"));
        assertEquals(1, events.size());
        Setup s = events.get(0).setup();
        assertEquals(SetupEvent.Kind.DETECTED, events.get(0).kind());
        assertEquals("ABC_1W_2024-01-15", s.id());
        assertEquals(0, s.rangePercent().compareTo(new BigDecimal("20")));
        assertEquals(SetupStatus.ACTIVE, s.status());
    }

    @Test
    void the_next_weekly_close_at_110_01_breaks_out_up_and_110_00_does_not() {
        var d = new ThreeWeekInsideDetector("ABC");
        feed(d, week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"));
        var e = d.onWeek(week(3, "110", "100", "110"));
        assertTrue(e.stream().noneMatch(x -> x.kind() == SetupEvent.Kind.BREAKOUT));
        assertEquals(SetupEvent.Kind.NEAR_BREAKOUT, e.get(0).kind());
        var e2 = d.onWeek(week(4, "111", "100", "110.01"));
        assertEquals(SetupEvent.Kind.BREAKOUT, e2.get(0).kind());
        assertEquals(SetupStatus.BREAKOUT_UP, e2.get(0).setup().status());
        assertEquals(ThreeWeekInsideRulesTest.W0.plusWeeks(4), e2.get(0).setup().breakoutWeek());
    }

    @Test
    void a_week_that_pierces_the_range_but_closes_inside_keeps_the_setup_active() {
        var d = new ThreeWeekInsideDetector("ABC");
        feed(d, week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"));
        d.onWeek(week(3, "112", "95", "105"));
        assertEquals(1, d.activeSetups().size());
    }

    @Test
    void a_close_below_the_mother_low_breaks_out_down() {
        var d = new ThreeWeekInsideDetector("ABC");
        feed(d, week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"));
        var e = d.onWeek(week(3, "100", "85", "89.99"));
        assertEquals(SetupStatus.BREAKOUT_DOWN, e.get(0).setup().status());
    }

    @Test
    void a_setup_expires_after_max_weeks_without_a_breakout() {
        var d = new ThreeWeekInsideDetector("ABC", 2);
        feed(d, week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"),
                week(3, "112", "80", "100"));
        var e = d.onWeek(week(4, "115", "85", "101"));
        assertEquals(SetupEvent.Kind.EXPIRED, e.get(0).kind());
        assertTrue(d.activeSetups().isEmpty());
    }

    @Test
    void feeding_the_same_weeks_again_changes_nothing() {
        var d = new ThreeWeekInsideDetector("ABC");
        WeekBar[] weeks = {week(0, "110", "90", "100"), week(1, "105", "95", "100"), week(2, "108", "92", "100"), week(3, "109", "93", "108.9")};
        feed(d, weeks);
        var before = List.copyOf(d.setups());
        assertTrue(feed(d, weeks).isEmpty());
        assertEquals(before, List.copyOf(d.setups()));
        var again = new ThreeWeekInsideDetector("ABC");
        feed(again, weeks);
        assertEquals(before, List.copyOf(again.setups()));
    }

    @Test
    void a_third_inside_week_adds_a_second_setup_on_the_first_inside_week_as_mother() {
        var d = new ThreeWeekInsideDetector("ABC");
        feed(d, week(0, "110", "90", "100"), week(1, "108", "92", "100"), week(2, "107", "93", "100"), week(3, "106", "94", "100"));
        assertEquals(List.of("ABC_1W_2024-01-15", "ABC_1W_2024-01-22"), d.setups().stream().map(Setup::id).toList());
    }
}
