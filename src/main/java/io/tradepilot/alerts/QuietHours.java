package io.tradepilot.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours in which alerts below {@link Severity#CRITICAL} are held back: from {@code from} (inclusive) to
 * {@code to} (exclusive) local time in {@code zone}; a span that crosses midnight (22:00–07:00) is one night.
 * Equal times mean no quiet hours. A held alert is not dropped: it goes out when the quiet hours end.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    /** No quiet hours at all. */
    public static QuietHours none(ZoneId zone) {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean off() {
        return from.equals(to);
    }

    /** Whether {@code at} falls in the quiet hours. */
    public boolean quietAt(Instant at) {
        if (off()) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }

    /**
     * When an alert of {@code severity} raised at {@code at} may go out: {@code at} itself unless it is quiet
     * then and the alert is below CRITICAL, else the end of these quiet hours (the next {@code to} after {@code at}).
     */
    public Instant releaseAt(Instant at, Severity severity) {
        if (severity == Severity.CRITICAL || !quietAt(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, to, zone).toInstant();
    }
}
