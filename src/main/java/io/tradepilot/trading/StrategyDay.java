package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One strategy's closed round trips on one trading day (market zone): count, winners (net P&L above
 * zero), and gross P&L, fees and net P&L summed exactly. A round trip counts for the strategy whose
 * order closed it (an engine flatten or square-off counts as {@code engine}).
 */
public record StrategyDay(String strategy, LocalDate tradingDay, int trades, int wins, BigDecimal grossPnl,
                          BigDecimal fees, BigDecimal netPnl) {
}
