package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.calendar.ExchangeCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds weekly bars from daily bars as they arrive, with the same rule as {@link
 * io.tradepilot.engine.marketdata.Resampler#weekly} (ISO weeks in the market zone: open of the first day,
 * highest high, lowest low, close of the last day, summed volume); a test holds the two equal.
 *
 * <p>This is the one weekly resampling of the 3WI strategy (backtest and live) and the 3WI scanner ({@link
 * ThreeWeekInsideScanner#detect}), so the two always see the same weeks.
 *
 * <p>The streaming form adds what the batch form cannot know: when a week is complete. A day completes
 * its week when the calendar's next session day ({@link ExchangeCalendar#nextSessionDay}) lies in a later
 * ISO week: a week whose Friday is a holiday completes on Thursday, and a week with a weekend special
 * session the calendar lists (NSE's Saturday session of 2003-03-22) completes on that Saturday and includes
 * its bar. Outside the calendar's years every weekday counts as a trading day.
 * A week whose last trading day had no bar (missing data) completes when the next week's first bar
 * arrives: {@link #onDay} then returns the completed week before starting the new one. A bar that
 * arrives after its week was completed (a weekend special session the calendar does not list) amends
 * the week, which is then reported complete again; consumers
 * keyed by week (the {@link ThreeWeekInsideDetector}) ignore the repeat.
 */
public final class WeeklyAggregator {
    private final ExchangeCalendar calendar;
    private final ZoneId zone;
    private LocalDate monday;
    private LocalDate lastDay;
    private long open, high, low, close, volume;
    private int decimals;
    private boolean completed = true;

    public WeeklyAggregator(ExchangeCalendar calendar) {
        this.calendar = calendar;
        this.zone = calendar.zone();
    }

    /** The result of one daily bar: a week that this bar completed, or an earlier one it revealed complete. */
    public record Completed(WeekBar earlier, WeekBar current) {
        /** The completed weeks in order ({@code earlier} then {@code current}), without the absent ones. */
        public List<WeekBar> weeks() {
            if (earlier == null) return current == null ? List.of() : List.of(current);
            return current == null ? List.of(earlier) : List.of(earlier, current);
        }
    }

    /**
     * Adds one daily bar (scaled prices). Returns the weeks completed by it: {@code earlier} when this bar
     * starts a new week while the previous one was never completed (its last day's bar was missing),
     * {@code current} when this bar is its week's last trading day. Refuses a day earlier than the last.
     */
    public Completed onDay(long startMillis, long o, long h, long l, long c, long v, int decimals) {
        LocalDate day = java.time.Instant.ofEpochMilli(startMillis).atZone(zone).toLocalDate();
        if (lastDay != null && !day.isAfter(lastDay)) throw new IllegalArgumentException("day " + day + " is not after " + lastDay);
        LocalDate m = day.with(DayOfWeek.MONDAY);
        WeekBar earlier = null;
        if (!m.equals(monday)) {
            if (!completed && monday != null) earlier = current();
            monday = m;
            open = o;
            high = h;
            low = l;
            volume = 0;
            completed = false;
        } else {
            high = Math.max(high, h);
            low = Math.min(low, l);
        }
        close = c;
        volume = Math.addExact(volume, v);
        lastDay = day;
        this.decimals = decimals;
        WeekBar now = null;
        if (isLastTradingDayOfWeek(day)) {
            completed = true;
            now = current();
        }
        return new Completed(earlier, now);
    }

    /** The week so far (possibly incomplete), or null before the first bar. */
    public WeekBar current() {
        return monday == null ? null : new WeekBar(monday, lastDay, open, high, low, close, volume, decimals);
    }

    /**
     * True when the calendar's next session day after {@code day} (a trading day or a listed weekend special
     * session, {@link ExchangeCalendar#nextSessionDay}) falls in a later ISO week.
     */
    public boolean isLastTradingDayOfWeek(LocalDate day) {
        LocalDate next = calendar.nextSessionDay(day);
        return ChronoUnit.DAYS.between(day.with(DayOfWeek.MONDAY), next) >= 7;
    }
}
