package io.tradepilot.engine.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When intraday positions are squared off on a trading day: at {@code at} (exchange time), but never
 * later than {@code beforeClose} before the session's close, so that an early close (NYSE's 13:00 days)
 * moves the square-off to 12:55 with the default five minutes.
 *
 * <p>The live host applies it in market time (after each time step of an accelerated or replayed feed)
 * and the scheduler in wall time (a real-time feed); both use this one rule.
 *
 * @param at          the regular square-off time, exchange local time (NSE default 15:25)
 * @param beforeClose how long before the close the square-off happens at the latest (not negative)
 */
public record SquareOffRule(LocalTime at, Duration beforeClose) {

    public SquareOffRule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(beforeClose, "beforeClose");
        if (beforeClose.isNegative()) throw new IllegalArgumentException("beforeClose must not be negative: " + beforeClose);
    }

    /** NSE's default (AITRAPP): 15:25 IST, five minutes before the 15:30 close. */
    public static SquareOffRule nseDefault() {
        return new SquareOffRule(LocalTime.of(15, 25), Duration.ofMinutes(5));
    }

    /**
     * The square-off time on {@code date}; empty when the exchange does not trade that day. Never before
     * the session's open (a rule that would fall before it answers the open).
     */
    public Optional<ZonedDateTime> cutOff(ExchangeCalendar calendar, LocalDate date) {
        return calendar.session(date).map(s -> {
            ZonedDateTime regular = date.atTime(at).atZone(calendar.zone());
            ZonedDateTime latest = s.close().minus(beforeClose);
            ZonedDateTime t = regular.isAfter(latest) ? latest : regular;
            return t.isBefore(s.open()) ? s.open() : t;
        });
    }
}
