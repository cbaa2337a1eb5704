package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The host's one market-data port: a push-based source of finished bars. An implementation pushes time steps
 * (the bars of every instrument that start at the same instant) into a {@link Sink}, in time order, on the
 * thread that called {@link #run}; the sink blocks until a step is processed and recorded (back-pressure), and
 * between steps the feed hands the sink its idle time (so placements go out between bars, write-ahead).
 *
 * <p>Implementations: {@link ReplayFeed} (the synthetic market and the CSV replay, paced by
 * {@code tradepilot.trading.marketdata.speed}) and {@link SessionFeed} (a broker account's streamed bars, with
 * its history for warm-up). A further source implements this interface; the host needs no change.
 */
interface MarketFeed extends AutoCloseable {

    /** The instruments the feed delivers, in a stable order; fixed for the feed's life. */
    List<Instrument> instruments();

    /**
     * The bars of {@code instrument} known before {@link #run} (the whole replay, or the broker's recent history):
     * the strategies are warmed up on those up to the ledger's checkpoint, a recovered position is marked at its
     * checkpoint bar, and their price scale is the one the engine registers. Never null (may be empty).
     */
    BarSeries history(Instrument instrument);

    /** The price scale the engine registers for {@code instrument}: every bar the feed pushes fits it. */
    default int priceScale(Instrument instrument) {
        return history(instrument).priceScale();
    }

    /** True when bars arrive as the market makes them (market time follows wall time). */
    boolean realTime();

    /**
     * Pushes every step after {@code resumeAfter} (per symbol: the start of the last bar the ledger recorded, absent:
     * from the first bar) into {@code sink} until the source ends (returns normally), the sink refuses a step or its
     * idle time (returns at once), or the thread is interrupted.
     */
    void run(Map<String, Instant> resumeAfter, Sink sink) throws InterruptedException;

    /** Releases the source (streams, connections); never throws. */
    @Override
    default void close() { }

    /**
     * The wall time (epoch millis) from which the feed counts as silent for the freshness rule, given the wall time
     * the last bar reached the engine; a value not before {@code nowMillis} means silence does not count now. By
     * default the last bar's wall time (a replay's end counts as silence).
     */
    default long quietSince(long nowMillis, long lastBarWallMillis) {
        return lastBarWallMillis;
    }

    /** Where a feed pushes. */
    interface Sink {

        /**
         * One time step: the bars starting at {@code startMillis}, at most one per instrument. Returns when the
         * step is processed and recorded; false when the host stops feeding (the feed must return).
         */
        boolean step(long startMillis, List<FeedBar> bars) throws InterruptedException;

        /** Lends the sink up to {@code nanos} between steps (it places orders meanwhile); false: stop feeding. */
        boolean idle(long nanos) throws InterruptedException;
    }

    /** Bar {@code index} of {@code series}, a bar of {@code instrument}. */
    record FeedBar(Instrument instrument, BarSeries series, int index) { }

    /** The first index of {@code s} whose bar starts after {@code millis}. */
    static int firstAfter(BarSeries s, long millis) {
        int lo = 0, hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.startMillis(mid) <= millis) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
