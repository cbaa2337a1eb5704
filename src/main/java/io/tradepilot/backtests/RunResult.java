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
 * @param symbols per-symbol figures (independent runs) or the one {@link SymbolResult#ACCOUNT} row (portfolio)
 * @param equity  per symbol (or the account), in time order
 * @param monthly per symbol, the month's return (month-end equity over the previous month-end's, the first month
 *                over the initial cash) as a fraction
 * @param trades    closed round trips, each with its symbol
 * @param portfolio a portfolio run's account-only figures (null for independent runs)
 */
public record RunResult(BacktestRun run, List<SymbolResult> symbols, Map<String, List<Point>> equity,
                        Map<String, Map<YearMonth, Double>> monthly, List<BacktestTrade> trades, Portfolio portfolio) {

    /**
     * A portfolio run's account-level figures beyond {@link SymbolResult}'s (null for independent runs).
     *
     * @param openPnlNet               the open positions' net mark-to-market at the end
     * @param reconciliationDifference final equity − (initial cash + Σ trades' net P&amp;L + open net mark-to-market):
     *                                 0 when the account reconciles exactly
     * @param minCash                  the lowest cash after any time step (below 0: the account borrowed)
     * @param maxOpenPositions         the most positions open at once
     * @param refusalsByReason         orders the risk chain refused, per reason code
     * @param contributions            per symbol: its share of the result (they add up to final equity − cash)
     */
    public record Portfolio(BigDecimal openPnlNet, BigDecimal reconciliationDifference, BigDecimal minCash, int maxOpenPositions,
                            Map<String, Long> refusalsByReason, List<Contribution> contributions) {
    }

    /** One symbol's share of a portfolio's result, with the data it ran on. */
    public record Contribution(String symbol, int bars, Instant firstBar, Instant lastBar, String dataSha256, int trades,
                               BigDecimal tradesPnlGross, BigDecimal tradesFees, BigDecimal tradesPnlNet, BigDecimal openQuantity,
                               BigDecimal openPnlNet, BigDecimal contribution, long refusals) {
    }

    /** Equity after a bar. */
    public record Point(Instant time, BigDecimal equity) {
    }
}
