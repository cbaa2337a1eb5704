package io.tradepilot.trading.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's clock in live paper trading: the market time of the bars being processed, set by the
 * feed before it hands the engine the bars of one time step (and not moved until the engine has
 * processed them). Safe to read from any thread.
 */
final class MarketClock extends Clock {

    private volatile long millis;

    MarketClock(long epochMillis) {
        this.millis = epochMillis;
    }

    void set(long epochMillis) {
        this.millis = epochMillis;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
