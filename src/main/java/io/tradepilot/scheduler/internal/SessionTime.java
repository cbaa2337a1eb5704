package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.engine.calendar.SquareOffRule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/** When on a trading day a daily job runs, exchange local time. */
public sealed interface SessionTime {

    /** The local time on {@code date}; empty when the exchange does not trade that day. */
    Optional<LocalTime> on(ExchangeCalendar calendar, LocalDate date);

    /** True when the time depends on the day's close (early closes move it). */
    boolean closeRelative();

    /** The same time every trading day. */
    record Fixed(LocalTime time) implements SessionTime {
        public Fixed { Objects.requireNonNull(time, "time"); }
        public Optional<LocalTime> on(ExchangeCalendar calendar, LocalDate date) {
            return calendar.session(date).map(s -> time);
        }
        public boolean closeRelative() { return false; }
        public String toString() { return time.toString(); }
    }

    /** {@code offset} after the day's close (early closes included). Must stay within the day. */
    record AfterClose(Duration offset) implements SessionTime {
        public AfterClose { Objects.requireNonNull(offset, "offset"); }
        public Optional<LocalTime> on(ExchangeCalendar calendar, LocalDate date) {
            return calendar.session(date).map(Session::close).map(c -> c.plus(offset)).map(c -> {
                if (!c.toLocalDate().equals(date)) throw new IllegalArgumentException("close + " + offset + " leaves the trading day " + date);
                return c.toLocalTime();
            });
        }
        public boolean closeRelative() { return true; }
        public String toString() { return "close + " + offset.toMinutes() + " min"; }
    }

    /** The end-of-day square-off's time ({@link SquareOffRule}: its time, at the latest a margin before the close). */
    record SquareOff(SquareOffRule rule) implements SessionTime {
        public SquareOff { Objects.requireNonNull(rule, "rule"); }
        public Optional<LocalTime> on(ExchangeCalendar calendar, LocalDate date) {
            return rule.cutOff(calendar, date).map(t -> t.toLocalTime());
        }
        public boolean closeRelative() { return true; }
        public String toString() { return rule.at() + " (at the latest close - " + rule.beforeClose().toMinutes() + " min)"; }
    }
}
