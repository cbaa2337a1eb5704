package io.tradepilot.strategies.internal;

import io.tradepilot.controls.LiveModePreconditions;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.trading.LiveConfiguration;
import io.tradepilot.trading.LiveStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The LIVE gate this module answers: every strategy version applied to the engine now has reached
 * {@link PromotionStage#READY_FOR_LIVE}. A version applied in PAPER (which needs only READY_FOR_PAPER) does not carry on
 * into LIVE unpromoted: switching is refused with {@link RefusalCode#VERSIONS_NOT_READY_FOR_LIVE}, naming them.
 *
 * <p>While no strategy version is stored at all, engine starts run the strategies of {@code application.yaml}
 * (see {@link StrategiesConfiguration}): those have no version and so no promotion, and they refuse the switch the
 * same way, named with "runs from application.yaml, no stored version". Only a stored version applied and promoted to
 * READY_FOR_LIVE lets a strategy into LIVE.
 */
final class PromotionLivePreconditions implements LiveModePreconditions {

    private final JooqConfigStore store;
    private final PromotionOnApply promotion;
    private final LiveConfiguration live;

    PromotionLivePreconditions(JooqConfigStore store, PromotionOnApply promotion, LiveConfiguration live) {
        this.store = store;
        this.promotion = promotion;
        this.live = live;
    }

    @Override
    public Optional<Refusal> unmet() {
        List<String> notReady = new ArrayList<>();
        if (store.empty(JooqConfigStore.STRATEGY)) {
            // the same rule as the start source: an empty store runs the configured strategies, which have no version
            for (LiveStrategy s : live.configuredStrategies()) notReady.add(s.id() + " (runs from application.yaml, no stored version)");
        }
        Map<String, Integer> applied = new TreeMap<>(store.appliedVersions(JooqConfigStore.STRATEGY));
        applied.forEach((id, version) -> {
            Optional<PromotionStage> stage = promotion.stage(id, version);
            if (stage.filter(s -> s.compareTo(PromotionStage.READY_FOR_LIVE) >= 0).isEmpty()) {
                notReady.add(id + " v" + version + " (" + stage.map(Enum::name).orElse("not promoted") + ")");
            }
        });
        if (notReady.isEmpty()) return Optional.empty();
        return Optional.of(new Refusal(RefusalCode.VERSIONS_NOT_READY_FOR_LIVE, "Applied strategy versions are not READY_FOR_LIVE: "
                + String.join(", ", notReady) + ". Promote them (Strategies, Promotion tab) or apply promoted versions first."));
    }
}
