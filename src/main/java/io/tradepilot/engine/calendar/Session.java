package io.tradepilot.engine.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One trading session of an exchange: open inclusive, close exclusive, in the exchange's time zone. */
public record Session(LocalDate date, ZonedDateTime open, ZonedDateTime close, boolean earlyClose) {

    /** True when {@code instant} is within [open, close). */
    public boolean contains(Instant instant) {
        return !instant.isBefore(open.toInstant()) && instant.isBefore(close.toInstant());
    }
}
