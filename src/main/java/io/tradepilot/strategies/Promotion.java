package io.tradepilot.strategies;

import java.time.Instant;
import java.util.List;

/**
 * A promotion of a strategy configuration version, stored with its evidence: the backtest run and its figures, the
 * Monte Carlo settings, the paper trading days (READY_FOR_LIVE; null for READY_FOR_PAPER), the thresholds in force
 * and every check, who and when.
 */
public record Promotion(long id, String strategyId, int version, PromotionStage stage, long runId, int trades, double sharpe,
                        double maxDrawdownP95, String mcMethod, int mcSimulations, long mcSeed, Integer paperDays,
                        PromotionThresholds thresholds, List<PromotionCheck> checks, String promotedBy, Instant promotedAt,
                        String reason) {

    public Promotion {
        checks = List.copyOf(checks);
    }
}
