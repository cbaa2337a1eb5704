package io.tradepilot.engine.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. {@code start} is the instant the bar's period begins; a bar is complete (and may be
 * acted upon) only at its period's end. Construction refuses inconsistent ranges.
 */
public record Bar(Instant start, Price open, Price high, Price low, Price close, long volume) {

    public Bar {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (volume < 0) throw new IllegalArgumentException("volume must not be negative");
        if (high.compareTo(low) < 0 || high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            throw new IllegalArgumentException("inconsistent bar at " + start + ": O=" + open + " H=" + high + " L=" + low + " C=" + close);
        }
    }

    /** True when {@code price} lies within [low, high]. */
    public boolean contains(Price price) {
        return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
    }
}
