package io.tradepilot.engine.testing;

import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Instrument;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * A tiny seeded random-walk bar generator for tests: daily bars from 2000-01-03 (UTC midnight), prices
 * with 2 decimals (scaled by 100), a multiplicative walk with occasional gaps, consistent OHLC and
 * random volume. Same seed, same bars.
 */
public final class RandomWalkBars {
    private RandomWalkBars() {}

    public static BarArrays generate(Instrument instrument, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n], o = new long[n], h = new long[n], l = new long[n], c = new long[n], v = new long[n];
        long start = Instant.parse("2000-01-03T00:00:00Z").toEpochMilli();
        long prev = 10_000; // 100.00
        for (int i = 0; i < n; i++) {
            t[i] = start + i * 86_400_000L;
            double gap = r.nextDouble() < 0.05 ? (r.nextDouble() - 0.5) * 0.08 : (r.nextDouble() - 0.5) * 0.01;
            long open = Math.max(100, Math.round(prev * (1 + gap)));
            long close = Math.max(100, Math.round(open * (1 + (r.nextDouble() - 0.495) * 0.04)));
            long high = Math.max(open, close) + Math.round(open * r.nextDouble() * 0.01);
            long low = Math.max(1, Math.min(open, close) - Math.round(open * r.nextDouble() * 0.01));
            o[i] = open; h[i] = high; l[i] = low; c[i] = close;
            v[i] = 1_000 + r.nextInt(100_000);
            prev = close;
        }
        return new BarArrays(instrument, t, o, h, l, c, v, 2, ZoneOffset.UTC);
    }
}
