package io.tradepilot.strategies;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The promotion gate's thresholds, one stored version after another (the newest is in force), set by an admin.
 *
 * @param version            1, 2, … (0 for a proposal not stored yet)
 * @param minTrades          fewest closed trades in the evidence run
 * @param minSharpe          lowest annualised Sharpe ratio (the engine's {@code Metrics}: daily returns, √252, risk-free
 *                           rate 0) of every symbol of the evidence run
 * @param maxDrawdownP95     highest 95th percentile of the Monte Carlo maximum drawdown, as a fraction of the running peak
 * @param minPaperDays       fewest distinct days with trades of the strategy in PAPER mode since the version was applied
 *                           (for READY_FOR_LIVE)
 */
public record PromotionThresholds(int version, int minTrades, BigDecimal minSharpe, BigDecimal maxDrawdownP95, int minPaperDays,
                                  String setBy, Instant setAt, String reason) {
}
