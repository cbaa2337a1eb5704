package io.tradepilot.trading.internal;

import io.tradepilot.engine.marketdata.BarSeries;

/**
 * Where the feed hands every bar it gives the engine, for readers other than the engine. Contract:
 * {@link #offer} never blocks and never throws; a bar it cannot take is dropped (the cache is best effort,
 * the engine never waits for it).
 */
interface BarCache {

    /** Takes bar {@code k} of {@code series} (of {@code symbol}), or drops it. Called on the feed thread. */
    void offer(String symbol, BarSeries series, int k);

    /** Caches nothing. */
    BarCache NONE = (symbol, series, k) -> { };
}
