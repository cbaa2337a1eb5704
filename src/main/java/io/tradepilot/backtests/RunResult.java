package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A finished run's result: per-symbol figures, each symbol's equity after every bar (one point a day at most),
 * its monthly returns, and the trades in exit order.
 *
 * @param equity  per symbol, in time order
 * @param monthly per symbol, the month's return (month-end equity over the previous month-end's, the first month
 *                over the initial cash) as a fraction
 */
public record RunResult(BacktestRun run, List<SymbolResult> symbols, Map<String, List<Point>> equity,
                        Map<String, Map<YearMonth, Double>> monthly, List<BacktestTrade> trades) {

    /** Equity after a bar. */
    public record Point(Instant time, BigDecimal equity) {
    }
}
