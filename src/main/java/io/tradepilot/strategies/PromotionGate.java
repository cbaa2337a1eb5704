package io.tradepilot.strategies;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The promotion gate: a stored strategy configuration version is marked {@link PromotionStage#READY_FOR_PAPER}, then
 * {@link PromotionStage#READY_FOR_LIVE}, only when its evidence passes the thresholds in force. Evidence: the newest
 * DONE backtest run of exactly that version ({@link BacktestEvidence}), its Monte Carlo p95 maximum drawdown, and for
 * live the days of paper trading of that version: trades entered while it was the applied version ({@link PaperTradingDays}).
 *
 * <p>Roles: every signed-in role reads and evaluates; admins promote (typed confirmation {@link #confirmation}) and
 * set thresholds. Every promotion and thresholds change needs a reason and is audited before it is stored ({@code
 * STRATEGY_PROMOTE}, {@code PROMOTION_THRESHOLDS_SAVE}); refusals and denials are audited too. Refusals are {@link
 * ConfigRefusal}s: 409 {@code PROMOTION_REFUSED} (the failing checks as its problems), 409 {@code ALREADY_PROMOTED},
 * 422 {@code CONFIRMATION_MISMATCH}, {@code REASON_REQUIRED}, {@code INVALID_THRESHOLDS}, 404 {@code NOT_FOUND}.
 */
public interface PromotionGate {

    /** The thresholds in force. */
    PromotionThresholds thresholds();

    /** Stores new thresholds (in force at once). Admin only. */
    PromotionThresholds saveThresholds(int minTrades, BigDecimal minSharpe, BigDecimal maxDrawdownP95, int minPaperDays, String reason);

    /** The checks {@code version} of {@code id} meets for {@code stage} now, with the thresholds in force (nothing stored). */
    List<PromotionCheck> evaluate(String id, int version, PromotionStage stage);

    /** Every promotion of {@code id}, oldest first. */
    List<Promotion> promotions(String id);

    /** The highest stage {@code version} of {@code id} reached (empty: not promoted). */
    default Optional<PromotionStage> stage(String id, int version) {
        return promotions(id).stream().filter(p -> p.version() == version).map(Promotion::stage).max(Enum::compareTo);
    }

    /**
     * The periods during which {@code version} of {@code id} was the applied one, oldest first (empty: never applied):
     * from each application of it to the next application of any version of {@code id}.
     */
    List<PaperTradingDays.Period> appliedPeriods(String id, int version);

    /** Promotes {@code version} of {@code id} to {@code stage} when every check passes, storing the evidence. Admin only. */
    Promotion promote(String id, int version, PromotionStage stage, String confirmation, String reason);

    /** The words an admin types to promote: {@code PROMOTE <id> v<version> <stage>}. */
    static String confirmation(String id, int version, PromotionStage stage) {
        return "PROMOTE " + id + " v" + version + " " + stage;
    }
}
