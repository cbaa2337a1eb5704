package io.tradepilot.journal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A performance report of one period (end of day, week, month): the closed trades of the period (by exit date in
 * the market zone) with their statistics, best and worst trade, a line per strategy, and the open positions with
 * their unrealized P&amp;L and the open risk when the report was made. Money exact.
 *
 * @param statistics    the period's statistics ({@link TradeStatistics}: P&amp;L, trades, win rate, average R, ...)
 * @param best          the closed trade with the highest net P&amp;L (ties: the earliest exit), null without trades
 * @param worst         the closed trade with the lowest net P&amp;L, null without trades
 * @param strategies    per strategy (the one that opened the trade), alphabetical
 * @param openPositions the open positions when the report was made (empty when none or unknown)
 * @param equity        the portfolio's equity when the report was made, null when unknown
 * @param openRisk      money at risk in the open positions (to their stops; a position without a stop at its
 *                      whole exposure), null when unknown (an instance that does not run the engine)
 * @param openRiskShare {@code openRisk / equity}, null when either is unknown or equity is not positive
 */
public record PerformanceReport(ReportPeriod period, LocalDate start, LocalDate end, Instant createdAt,
                                TradeStatistics statistics, TradeLine best, TradeLine worst, List<StrategyLine> strategies,
                                List<PositionLine> openPositions, BigDecimal equity, BigDecimal openRisk,
                                BigDecimal openRiskShare) {

    public PerformanceReport {
        strategies = List.copyOf(strategies);
        openPositions = List.copyOf(openPositions);
    }

    /** One trade, in brief; {@code rMultiple} null without a stop. */
    public record TradeLine(long id, String symbol, TradeSide side, String strategy, BigDecimal netPnl, BigDecimal rMultiple) {

        static TradeLine of(Trade t) {
            return new TradeLine(t.id(), t.symbol(), t.side(), t.strategy(), t.netPnl(), t.rMultiple());
        }
    }

    /** One strategy's period: closed trades, wins, net P&amp;L and average R (null: no trade with an R). */
    public record StrategyLine(String strategy, int trades, int wins, BigDecimal netPnl, BigDecimal averageR) {
    }

    /** One open position: signed quantity, average price, mark and unrealized P&amp;L (null when unmarked). */
    public record PositionLine(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                               BigDecimal unrealizedPnl) {
    }

    /** The portfolio when the report is made: equity, open risk (null when unknown) and positions. */
    public record Portfolio(BigDecimal equity, BigDecimal openRisk, List<PositionLine> positions) {

        /** Nothing known (no engine on this instance and no ledger positions). */
        public static final Portfolio UNKNOWN = new Portfolio(null, null, List.of());

        public Portfolio {
            positions = List.copyOf(positions);
        }
    }

    /**
     * The report of the period holding {@code day}: {@code trades} are the trades of the period (the caller's
     * filter; open ones are left out of every figure), {@code zone} the market zone for the daily figures.
     */
    public static PerformanceReport of(ReportPeriod period, LocalDate day, Instant createdAt, List<Trade> trades,
                                       java.time.ZoneId zone, Portfolio portfolio) {
        List<Trade> closed = trades.stream().filter(t -> t.status() == TradeStatus.CLOSED)
                .sorted(Comparator.comparing(Trade::exitTime).thenComparingLong(Trade::id)).toList();
        Trade best = null, worst = null;
        for (Trade t : closed) {
            if (best == null || t.netPnl().compareTo(best.netPnl()) > 0) best = t;
            if (worst == null || t.netPnl().compareTo(worst.netPnl()) < 0) worst = t;
        }
        Map<String, List<Trade>> byStrategy = new TreeMap<>();
        for (Trade t : closed) byStrategy.computeIfAbsent(t.strategy(), k -> new ArrayList<>()).add(t);
        List<StrategyLine> lines = new ArrayList<>();
        byStrategy.forEach((strategy, list) -> {
            TradeStatistics s = TradeStatistics.of(list, zone);
            lines.add(new StrategyLine(strategy, s.trades(), s.wins(), s.netPnl(), s.averageR()));
        });
        BigDecimal share = portfolio.openRisk() == null || portfolio.equity() == null || portfolio.equity().signum() <= 0 ? null
                : portfolio.openRisk().divide(portfolio.equity(), MathContext.DECIMAL64);
        return new PerformanceReport(period, period.start(day), period.end(day), createdAt, TradeStatistics.of(closed, zone),
                best == null ? null : TradeLine.of(best), worst == null ? null : TradeLine.of(worst), lines,
                portfolio.positions(), portfolio.equity(), portfolio.openRisk(), share);
    }
}
