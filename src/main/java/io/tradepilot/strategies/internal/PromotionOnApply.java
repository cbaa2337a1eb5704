package io.tradepilot.strategies.internal;

import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.Promotion;
import io.tradepilot.strategies.PromotionStage;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Optional;

/**
 * The promotion stage a stored strategy version needs before an admin may apply it to the engine: in LIVE trading
 * mode {@link PromotionStage#READY_FOR_LIVE}; in PAPER {@link PromotionStage#READY_FOR_PAPER}, unless {@code
 * tradepilot.strategies.promotion.paper-apply-requires-stage} is false. Fail closed: without a trading mode service
 * the LIVE rule holds. There is no override: an admin promotes the version through the gate first.
 */
final class PromotionOnApply {

    private final JooqPromotionStore promotions;
    private final ObjectProvider<TradingModes> modes;
    private final boolean paperRequiresStage;

    PromotionOnApply(JooqPromotionStore promotions, ObjectProvider<TradingModes> modes, boolean paperRequiresStage) {
        this.promotions = promotions;
        this.modes = modes;
        this.paperRequiresStage = paperRequiresStage;
    }

    /** The stage applying a version needs now (empty: none). */
    Optional<PromotionStage> required() {
        TradingModes m = modes.getIfAvailable();
        boolean live = m == null || m.current().mode() == TradingMode.LIVE;
        if (live) return Optional.of(PromotionStage.READY_FOR_LIVE);
        return paperRequiresStage ? Optional.of(PromotionStage.READY_FOR_PAPER) : Optional.empty();
    }

    /** The highest stage {@code version} of {@code id} reached (empty: not promoted). */
    Optional<PromotionStage> stage(String id, int version) {
        return promotions.promotions(id).stream().filter(p -> p.version() == version).map(Promotion::stage).max(Enum::compareTo);
    }

    /**
     * The refusal of applying {@code version} of {@code id} now: 409 {@code PROMOTION_REQUIRED} on {@code stage}
     * naming the stage needed, the stage reached and the trading mode; empty when it may be applied.
     */
    Optional<ConfigRefusal> refusal(String id, int version) {
        Optional<PromotionStage> needed = required();
        if (needed.isEmpty()) return Optional.empty();
        Optional<PromotionStage> reached = stage(id, version);
        if (reached.filter(s -> s.compareTo(needed.get()) >= 0).isPresent()) return Optional.empty();
        String mode = needed.get() == PromotionStage.READY_FOR_LIVE ? "LIVE" : "PAPER";
        return Optional.of(new ConfigRefusal(409, "PROMOTION_REQUIRED", "stage", "Trading is " + mode + ": " + id + " v" + version
                + " must be " + needed.get() + " to be applied, and it is " + reached.map(Enum::name).orElse("not promoted")
                + ". Promote it on the Promotion tab first."));
    }
}
