package io.tradepilot.backtests;

import io.tradepilot.engine.marketdata.BarSeries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where backtests get their bars: the port a market-data store plugs into. Implementations are thread-safe and
 * deterministic (the same call gives the same bars, so a run's data fingerprint reproduces).
 */
public interface BacktestData {

    /** What a series holds: symbol, first and last bar, number of bars, and where it comes from (e.g. "synthetic"). */
    record SeriesInfo(String symbol, Instant first, Instant last, int bars, String source) {
    }

    /** Every series a backtest may use, by symbol. */
    List<SeriesInfo> series();

    /**
     * The bars of {@code symbol} whose exchange-local day lies in {@code [from, to]}; empty when the symbol is unknown.
     * The series may hold no bars when none fall in the range.
     */
    Optional<BarSeries> load(String symbol, LocalDate from, LocalDate to);
}
