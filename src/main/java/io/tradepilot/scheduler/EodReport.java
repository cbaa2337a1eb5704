package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The end-of-day report of one exchange's trading day, from the ledger. Money exact.
 *
 * @param equityStart  the last equity point before the day (null when none: the first day)
 * @param equityEnd    the last equity point of the day (null when none)
 * @param equityChange {@code equityEnd - equityStart}, null unless both are known
 * @param strategies   closed round trips per strategy that day
 * @param openPositions the positions open when the report was made
 */
public record EodReport(LocalDate tradingDay, String exchange, Instant createdAt, BigDecimal equityStart, BigDecimal equityEnd,
                        BigDecimal equityChange, List<StrategyLine> strategies, List<PositionLine> openPositions) {

    public EodReport {
        strategies = List.copyOf(strategies);
        openPositions = List.copyOf(openPositions);
    }

    /** One strategy's day: trades, winners, net P&L and fees. */
    public record StrategyLine(String strategy, int trades, int wins, BigDecimal netPnl, BigDecimal fees) {
    }

    /** One open position: signed quantity and average price. */
    public record PositionLine(String symbol, BigDecimal quantity, BigDecimal averagePrice) {
    }
}
