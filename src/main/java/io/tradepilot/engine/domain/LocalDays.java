package io.tradepilot.engine.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Maps an instant (epoch milliseconds) to the calendar day (epoch day) it falls on in a zone. Caches
 * the zone's offset between two offset transitions, so that consecutive calls allocate nothing until a
 * transition (e.g. a DST change) is crossed. Mutable cache: one instance per thread.
 */
public final class LocalDays {
    private static final long DAY = 86_400_000L;
    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private long offsetMillis;

    public LocalDays(ZoneId zone) {
        this.rules = Objects.requireNonNull(zone, "zone").getRules();
    }

    /** The epoch day of {@code epochMillis} in the zone (what {@code atZone(zone).toLocalDate().toEpochDay()} gives). */
    public long epochDay(long epochMillis) {
        if (epochMillis < validFrom || epochMillis >= validUntil) refresh(epochMillis);
        return Math.floorDiv(epochMillis + offsetMillis, DAY);
    }

    private void refresh(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        offsetMillis = rules.getOffset(at).getTotalSeconds() * 1000L;
        ZoneOffsetTransition previous = rules.previousTransition(at.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        validFrom = previous == null ? Long.MIN_VALUE : previous.getInstant().toEpochMilli();
        validUntil = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
    }
}
