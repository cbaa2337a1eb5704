package io.tradepilot.engine.backtest;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One instrument's bars as parallel primitive arrays: prices scaled by {@code 10^priceDecimals}
 * (100.25 with 2 decimals is 10025), volumes in units, bar start times in epoch milliseconds, strictly
 * increasing. {@code zone} is the market's zone (trading days, report time format). The arrays are
 * shared, not copied: do not modify them while a backtest runs. Construction validates every bar once
 * (low ≤ open, close ≤ high; non-negative volume; increasing times) and refuses bad data naming the index.
 */
public record BarArrays(Instrument instrument, long[] startMillis, long[] open, long[] high, long[] low, long[] close,
                        long[] volume, int priceDecimals, ZoneId zone) {

    public BarArrays {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(zone, "zone");
        int n = startMillis.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("bar arrays differ in length");
        }
        if (priceDecimals < 0 || priceDecimals > 12) throw new IllegalArgumentException("price decimals must be in [0, 12]");
        for (int i = 0; i < n; i++) {
            long h = high[i], l = low[i];
            if (l < 0 || l > open[i] || l > close[i] || h < open[i] || h < close[i]) {
                throw new IllegalArgumentException("inconsistent bar " + i + ": O=" + open[i] + " H=" + h + " L=" + l + " C=" + close[i] + " (scaled)");
            }
            if (volume[i] < 0) throw new IllegalArgumentException("negative volume at bar " + i);
            if (i > 0 && startMillis[i] <= startMillis[i - 1]) throw new IllegalArgumentException("bar times not increasing at bar " + i);
        }
    }

    public int size() {
        return startMillis.length;
    }

    /**
     * Converts exact bars, choosing the smallest scale that represents every price exactly (at least the
     * tick size's decimals). Refuses more than 12 decimals.
     */
    public static BarArrays fromBars(Instrument instrument, List<Bar> bars, ZoneId zone) {
        int d = Math.max(0, instrument.tickSize().stripTrailingZeros().scale());
        for (Bar b : bars) {
            d = Math.max(d, Math.max(Math.max(scale(b.open()), scale(b.high())), Math.max(scale(b.low()), scale(b.close()))));
        }
        if (d > 12) throw new IllegalArgumentException("prices with more than 12 decimals");
        int n = bars.size();
        long[] t = new long[n], o = new long[n], h = new long[n], l = new long[n], c = new long[n], v = new long[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            t[i] = b.start().toEpochMilli();
            o[i] = b.open().value().movePointRight(d).longValueExact();
            h[i] = b.high().value().movePointRight(d).longValueExact();
            l[i] = b.low().value().movePointRight(d).longValueExact();
            c[i] = b.close().value().movePointRight(d).longValueExact();
            v[i] = b.volume();
        }
        return new BarArrays(instrument, t, o, h, l, c, v, d, zone);
    }

    /** The bars of {@code series} traded as {@code instrument}: the series' arrays, shared, not copied. */
    public static BarArrays of(Instrument instrument, io.tradepilot.engine.marketdata.BarSeries series) {
        return new BarArrays(instrument, series.startsMillis(), series.scaledOpens(), series.scaledHighs(), series.scaledLows(),
                series.scaledCloses(), series.volumes(), series.priceScale(), series.zone());
    }

    /**
     * The same bars with prices scaled by {@code 10^decimals} (this, when already so). Refuses fewer decimals
     * than now (prices would lose digits) and a price that would not fit a long.
     */
    public BarArrays withPriceDecimals(int decimals) {
        if (decimals == priceDecimals) return this;
        if (decimals < priceDecimals || decimals > 12) throw new IllegalArgumentException("cannot rescale " + instrument.symbol()
                + " from " + priceDecimals + " to " + decimals + " price decimals");
        long f = 1;
        for (int i = priceDecimals; i < decimals; i++) f *= 10;
        return new BarArrays(instrument, startMillis, times(open, f), times(high, f), times(low, f), times(close, f), volume, decimals, zone);
    }

    private static long[] times(long[] a, long f) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = Math.multiplyExact(a[i], f);
        return out;
    }

    private static int scale(Price p) {
        return Math.max(0, p.value().stripTrailingZeros().scale());
    }

    public BigDecimal price(long scaled) {
        return BigDecimal.valueOf(scaled, priceDecimals);
    }

    public Bar bar(int i) {
        return new Bar(Instant.ofEpochMilli(startMillis[i]), new Price(price(open[i])), new Price(price(high[i])),
                new Price(price(low[i])), new Price(price(close[i])), volume[i]);
    }
}
