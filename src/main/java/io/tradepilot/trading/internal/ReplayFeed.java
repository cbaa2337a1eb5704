package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The configured replay as a {@link MarketFeed}: the seeded synthetic market or a CSV folder ({@link BarSource}),
 * walked in time order. At {@code speed} > 0 the gap to the next step (at most {@code maxGap}) is waited as
 * {@code gap / speed} of wall time, lent to the sink; speed 0 replays as fast as the host records.
 */
final class ReplayFeed implements MarketFeed {

    private final BarSource source;
    private final TradingProperties.MarketData md;

    ReplayFeed(BarSource source, TradingProperties.MarketData md) {
        this.source = source;
        this.md = md;
    }

    @Override
    public List<Instrument> instruments() {
        return source.instruments();
    }

    @Override
    public BarSeries history(Instrument instrument) {
        BarSeries s = source.series().get(instrument);
        if (s == null) throw new IllegalArgumentException("not replayed: " + instrument.symbol());
        return s;
    }

    /** Real time exactly at speed 1. */
    @Override
    public boolean realTime() {
        return md.speed() == 1.0;
    }

    @Override
    public void run(Map<String, Instant> resumeAfter, Sink sink) throws InterruptedException {
        List<Instrument> list = source.instruments();
        int n = list.size();
        BarSeries[] series = new BarSeries[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            series[i] = source.series().get(list.get(i));
            Instant cp = resumeAfter.get(list.get(i).symbol());
            next[i] = cp == null ? 0 : MarketFeed.firstAfter(series[i], cp.toEpochMilli());
        }
        while (true) {
            long t = following(series, next);
            if (t == Long.MAX_VALUE) return;
            List<FeedBar> step = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (next[i] >= series[i].size() || series[i].startMillis(next[i]) != t) continue;
                step.add(new FeedBar(list.get(i), series[i], next[i]++));
            }
            if (!sink.step(t, step)) return;
            if (md.speed() > 0) {
                long after = following(series, next);
                if (after == Long.MAX_VALUE) continue;
                long gap = Math.min(after - t, md.maxGap().toMillis());
                if (!sink.idle(TimeUnit.MILLISECONDS.toNanos((long) (gap / md.speed())))) return;
            }
        }
    }

    private static long following(BarSeries[] series, int[] next) {
        long t = Long.MAX_VALUE;
        for (int i = 0; i < series.length; i++) if (next[i] < series[i].size()) t = Math.min(t, series[i].startMillis(next[i]));
        return t;
    }
}
