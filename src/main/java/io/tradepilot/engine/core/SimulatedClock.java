package io.tradepilot.engine.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that shows whatever time it was last set to; backtests step it bar by bar. Not thread-safe. */
public final class SimulatedClock extends Clock {
    private long millis;
    private final ZoneId zone;

    public SimulatedClock(long epochMillis, ZoneId zone) {
        this.millis = epochMillis;
        this.zone = zone;
    }

    public SimulatedClock() {
        this(0, ZoneOffset.UTC);
    }

    public void setMillis(long epochMillis) {
        this.millis = epochMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatedClock(millis, zone);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
