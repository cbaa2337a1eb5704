package io.tradepilot.engine.marketdata;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable, columnar series of OHLCV bars of one symbol: primitive arrays for speed, exact values.
 *
 * <p>Prices are stored as {@code long} multiples of {@code 10^-priceScale} (e.g. scale 2 stores 101.55
 * as 10155), so every price is an exact decimal and {@link #toBars()} / {@link #fromBars} convert
 * losslessly. Bar starts are epoch milliseconds; {@link #zone()} is the exchange's zone in which dates,
 * sessions and weeks are interpreted.
 *
 * <p>Invariants, checked on construction: all columns have the same length; starts strictly increase;
 * every bar satisfies {@code 0 <= low <= min(open, close)} and {@code max(open, close) <= high};
 * volumes are non-negative.
 *
 * <p>Array accessors ({@code closes()}, {@code scaledCloses()}...) return fresh copies: callers may
 * modify them. Hot loops should take a copy once, not call the per-index accessors.
 */
public final class BarSeries {

    /** The largest supported price scale (decimal places). */
    public static final int MAX_SCALE = 9;

    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private final String symbol;
    private final ZoneId zone;
    private final TimeStamping stamping;
    private final int priceScale;
    private final long[] start;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;

    /** Takes ownership of the arrays (package-private: callers outside copy through {@link #of}). */
    BarSeries(String symbol, ZoneId zone, TimeStamping stamping, int priceScale,
              long[] start, long[] open, long[] high, long[] low, long[] close, long[] volume) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.stamping = Objects.requireNonNull(stamping, "stamping");
        if (priceScale < 0 || priceScale > MAX_SCALE) {
            throw new IllegalArgumentException("price scale must be 0.." + MAX_SCALE + ": " + priceScale);
        }
        this.priceScale = priceScale;
        int n = start.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && start[i] <= start[i - 1]) {
                throw new IllegalArgumentException("bar " + i + " does not start after bar " + (i - 1));
            }
            if (low[i] < 0 || low[i] > open[i] || low[i] > close[i] || high[i] < open[i] || high[i] < close[i]) {
                throw new IllegalArgumentException("inconsistent bar " + i + " at " + Instant.ofEpochMilli(start[i]));
            }
            if (volume[i] < 0) throw new IllegalArgumentException("negative volume at bar " + i);
        }
        this.start = start;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    /**
     * A series from caller-owned arrays (copied). Prices are scaled by {@code 10^priceScale}.
     *
     * @throws IllegalArgumentException when an invariant above does not hold
     */
    public static BarSeries of(String symbol, ZoneId zone, TimeStamping stamping, int priceScale,
                               long[] startEpochMillis, long[] open, long[] high, long[] low, long[] close, long[] volume) {
        return new BarSeries(symbol, zone, stamping, priceScale, startEpochMillis.clone(), open.clone(), high.clone(),
                low.clone(), close.clone(), volume.clone());
    }

    /**
     * The exact columnar form of {@code bars}. The price scale is the smallest that holds every price
     * exactly (trailing zeros ignored).
     *
     * @throws IllegalArgumentException when the bars are not in strictly increasing time order, or a
     *                                  price needs more than {@link #MAX_SCALE} decimals or more than 18 digits
     */
    public static BarSeries fromBars(String symbol, ZoneId zone, TimeStamping stamping, List<Bar> bars) {
        int scale = 0;
        for (Bar b : bars) {
            scale = Math.max(scale, Math.max(Math.max(neededScale(b.open()), neededScale(b.high())),
                    Math.max(neededScale(b.low()), neededScale(b.close()))));
        }
        if (scale > MAX_SCALE) throw new IllegalArgumentException("a price needs more than " + MAX_SCALE + " decimals");
        int n = bars.size();
        long[] s = new long[n], o = new long[n], h = new long[n], l = new long[n], c = new long[n], v = new long[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            s[i] = b.start().toEpochMilli();
            o[i] = scaled(b.open(), scale);
            h[i] = scaled(b.high(), scale);
            l[i] = scaled(b.low(), scale);
            c[i] = scaled(b.close(), scale);
            v[i] = b.volume();
        }
        return new BarSeries(symbol, zone, stamping, scale, s, o, h, l, c, v);
    }

    private static int neededScale(Price p) {
        BigDecimal v = p.value().stripTrailingZeros();
        return Math.max(0, v.scale());
    }

    private static long scaled(Price p, int scale) {
        try {
            return p.value().setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price " + p + " does not fit a long at scale " + scale, e);
        }
    }

    public String symbol() {
        return symbol;
    }

    public ZoneId zone() {
        return zone;
    }

    public TimeStamping stamping() {
        return stamping;
    }

    /** Number of decimal places of the scaled price columns. */
    public int priceScale() {
        return priceScale;
    }

    public int size() {
        return start.length;
    }

    public boolean isEmpty() {
        return start.length == 0;
    }

    public long startMillis(int i) {
        return start[i];
    }

    public Instant start(int i) {
        return Instant.ofEpochMilli(start[i]);
    }

    /** Open of bar {@code i} in units of {@code 10^-priceScale}. */
    public long open(int i) {
        return open[i];
    }

    public long high(int i) {
        return high[i];
    }

    public long low(int i) {
        return low[i];
    }

    public long close(int i) {
        return close[i];
    }

    public long volume(int i) {
        return volume[i];
    }

    /** A scaled price of this series as an exact decimal. */
    public BigDecimal decimal(long scaledPrice) {
        return BigDecimal.valueOf(scaledPrice, priceScale);
    }

    /** Bar {@code i} with exact prices. */
    public Bar bar(int i) {
        return new Bar(Instant.ofEpochMilli(start[i]), new Price(decimal(open[i])), new Price(decimal(high[i])),
                new Price(decimal(low[i])), new Price(decimal(close[i])), volume[i]);
    }

    /** All bars, exact; a lazily converting read-only view. */
    public List<Bar> toBars() {
        return new BarList();
    }

    private final class BarList extends AbstractList<Bar> implements RandomAccess {
        @Override
        public Bar get(int index) {
            return bar(index);
        }

        @Override
        public int size() {
            return start.length;
        }
    }

    public long[] startsMillis() {
        return start.clone();
    }

    public long[] scaledOpens() {
        return open.clone();
    }

    public long[] scaledHighs() {
        return high.clone();
    }

    public long[] scaledLows() {
        return low.clone();
    }

    public long[] scaledCloses() {
        return close.clone();
    }

    public long[] volumes() {
        return volume.clone();
    }

    /** Opens as doubles: each the double nearest to the exact decimal (as {@code Double.parseDouble} of its text). */
    public double[] opens() {
        return toDouble(open);
    }

    public double[] highs() {
        return toDouble(high);
    }

    public double[] lows() {
        return toDouble(low);
    }

    public double[] closes() {
        return toDouble(close);
    }

    public double[] volumesAsDouble() {
        double[] out = new double[volume.length];
        for (int i = 0; i < out.length; i++) out[i] = volume[i];
        return out;
    }

    private double[] toDouble(long[] scaled) {
        double[] out = new double[scaled.length];
        double div = POW10[priceScale];
        // Both operands are exact doubles (|scaled| < 2^53 for any realistic price), so the quotient is
        // correctly rounded: the nearest double to the decimal value.
        for (int i = 0; i < out.length; i++) out[i] = scaled[i] / div;
        return out;
    }

    /** Bars {@code [from, to)} as a new series. */
    public BarSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, start.length);
        return new BarSeries(symbol, zone, stamping, priceScale, Arrays.copyOfRange(start, from, to),
                Arrays.copyOfRange(open, from, to), Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    /** Equal when symbol, zone, stamping, scale and every value are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BarSeries s && symbol.equals(s.symbol) && zone.equals(s.zone) && stamping == s.stamping
                && priceScale == s.priceScale && Arrays.equals(start, s.start) && Arrays.equals(open, s.open)
                && Arrays.equals(high, s.high) && Arrays.equals(low, s.low) && Arrays.equals(close, s.close)
                && Arrays.equals(volume, s.volume);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, zone, stamping, priceScale, Arrays.hashCode(start), Arrays.hashCode(close),
                Arrays.hashCode(volume));
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + ", " + size() + " bars, scale " + priceScale + ", " + zone
                + (isEmpty() ? "" : ", " + start(0) + " .. " + start(size() - 1)) + "]";
    }

    /**
     * Accumulates bars for a series. Prices are given at the builder's current scale; {@link #rescale}
     * raises the scale of everything added so far. Growth is amortised O(1).
     */
    public static final class Builder {
        private final String symbol;
        private final ZoneId zone;
        private TimeStamping stamping;
        private int scale;
        private int n;
        private long[] s, o, h, l, c, v;

        public Builder(String symbol, ZoneId zone, TimeStamping stamping, int priceScale, int expectedSize) {
            this.symbol = symbol;
            this.zone = zone;
            this.stamping = stamping;
            if (priceScale < 0 || priceScale > MAX_SCALE) throw new IllegalArgumentException("bad scale " + priceScale);
            this.scale = priceScale;
            int cap = Math.max(16, expectedSize);
            s = new long[cap];
            o = new long[cap];
            h = new long[cap];
            l = new long[cap];
            c = new long[cap];
            v = new long[cap];
        }

        public int scale() {
            return scale;
        }

        void stamping(TimeStamping stamping) {
            this.stamping = stamping;
        }

        public int size() {
            return n;
        }

        /** Start of the last bar added (undefined when empty). */
        public long lastStartMillis() {
            return s[n - 1];
        }

        /**
         * Raises the scale to {@code newScale}, multiplying the prices added so far.
         *
         * @throws ArithmeticException when a stored price would overflow
         */
        public void rescale(int newScale) {
            if (newScale < scale) throw new IllegalArgumentException("cannot lower the scale");
            if (newScale > MAX_SCALE) throw new IllegalArgumentException("scale above " + MAX_SCALE);
            long f = POW10[newScale - scale];
            for (int i = 0; i < n; i++) {
                o[i] = Math.multiplyExact(o[i], f);
                h[i] = Math.multiplyExact(h[i], f);
                l[i] = Math.multiplyExact(l[i], f);
                c[i] = Math.multiplyExact(c[i], f);
            }
            scale = newScale;
        }

        /** Adds a bar without checking it (the caller has). */
        void addUnchecked(long start, long open, long high, long low, long close, long volume) {
            if (n == s.length) grow();
            s[n] = start;
            o[n] = open;
            h[n] = high;
            l[n] = low;
            c[n] = close;
            v[n] = volume;
            n++;
        }

        /**
         * Adds a bar with prices at the current scale.
         *
         * @throws IllegalArgumentException when it does not start after the previous bar or is inconsistent
         */
        public Builder add(long startEpochMillis, long open, long high, long low, long close, long volume) {
            if (n > 0 && startEpochMillis <= s[n - 1]) throw new IllegalArgumentException("bar does not start after the previous one");
            if (low < 0 || low > open || low > close || high < open || high < close) {
                throw new IllegalArgumentException("inconsistent bar O=" + open + " H=" + high + " L=" + low + " C=" + close);
            }
            if (volume < 0) throw new IllegalArgumentException("negative volume");
            addUnchecked(startEpochMillis, open, high, low, close, volume);
            return this;
        }

        private void grow() {
            int cap = s.length * 2;
            s = Arrays.copyOf(s, cap);
            o = Arrays.copyOf(o, cap);
            h = Arrays.copyOf(h, cap);
            l = Arrays.copyOf(l, cap);
            c = Arrays.copyOf(c, cap);
            v = Arrays.copyOf(v, cap);
        }

        public BarSeries build() {
            return new BarSeries(symbol, zone, stamping, scale, Arrays.copyOf(s, n), Arrays.copyOf(o, n),
                    Arrays.copyOf(h, n), Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n));
        }
    }
}
