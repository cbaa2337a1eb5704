package io.tradepilot.marketdata;

import io.tradepilot.engine.marketdata.BarSeries;

import java.util.List;
import java.util.Optional;

/**
 * The stored history backtests read. No role check: backtests run as background jobs; the pages that show the
 * catalog to users go through {@link MarketData}, which checks the caller's role.
 */
public interface HistoricalBars {

    /** Every stored series, ordered by symbol then interval. */
    List<StoredSeries> catalog();

    /**
     * The whole stored series of {@code symbol} at {@code interval} (e.g. {@code 1d}, {@code 5m}), in time order, with
     * the exact prices, price scale and time stamping it was imported with and its exchange's zone; empty when none
     * is stored.
     */
    Optional<BarSeries> load(String symbol, String interval);
}
