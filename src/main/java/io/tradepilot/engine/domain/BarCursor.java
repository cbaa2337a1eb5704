package io.tradepilot.engine.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reusable, mutable view of one bar in scaled-integer form: a price {@code p} is held as
 * {@code p x 10^decimals}. It lets the hot path hand bars from primitive arrays to the engine and to
 * strategies without allocating. Valid only during the callback it is passed to; copy what you keep.
 * The exact accessors ({@link #closePrice()} ...) allocate and are meant for decisions, not per-bar loops.
 */
public final class BarCursor {
    private static final double[] POW10 = new double[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10; // exact up to 10^18
    }

    private int index;
    private long startMillis;
    private long open, high, low, close, volume;
    private int decimals;

    /** Points the cursor at a bar. No validation: the caller guarantees low ≤ open, close ≤ high. */
    public BarCursor set(int index, long startMillis, long open, long high, long low, long close, long volume, int decimals) {
        this.index = index;
        this.startMillis = startMillis;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.decimals = decimals;
        return this;
    }

    /** Points the cursor at an exact bar, scaling its prices to {@code decimals} (refuses prices with more decimals). */
    public BarCursor set(int index, Bar bar, int decimals) {
        return set(index, bar.start().toEpochMilli(), scaled(bar.open(), decimals), scaled(bar.high(), decimals),
                scaled(bar.low(), decimals), scaled(bar.close(), decimals), bar.volume(), decimals);
    }

    public static long scaled(Price p, int decimals) {
        return p.value().movePointRight(decimals).longValueExact();
    }

    /** Position of the bar in its series (0-based), as set by the feeder. */
    public int index() { return index; }
    public long startMillis() { return startMillis; }
    public long open() { return open; }
    public long high() { return high; }
    public long low() { return low; }
    public long close() { return close; }
    public long volume() { return volume; }
    public int decimals() { return decimals; }

    public Instant start() { return Instant.ofEpochMilli(startMillis); }
    public BigDecimal openPrice() { return BigDecimal.valueOf(open, decimals); }
    public BigDecimal highPrice() { return BigDecimal.valueOf(high, decimals); }
    public BigDecimal lowPrice() { return BigDecimal.valueOf(low, decimals); }
    public BigDecimal closePrice() { return BigDecimal.valueOf(close, decimals); }

    /** The high as a double, for indicator math only (see {@link #toDouble(long, int)}). */
    public double highValue() { return toDouble(high, decimals); }
    public double lowValue() { return toDouble(low, decimals); }
    public double closeValue() { return toDouble(close, decimals); }

    /**
     * {@code scaled / 10^decimals} as the nearest double (one correctly rounded division, as
     * {@code BarSeries} does): the one conversion from exact scaled prices to indicator inputs.
     */
    public static double toDouble(long scaled, int decimals) {
        return scaled / POW10[decimals];
    }
}
