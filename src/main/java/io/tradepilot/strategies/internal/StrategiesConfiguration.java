package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.trading.LiveConfiguration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires the stored configurations. On an empty store the first versions are seeded (and marked applied) from
 * {@code tradepilot.trading.*}; from then on every engine start runs the applied versions, not the YAML (a store
 * emptied later, e.g. by a test's reset, makes starts use the YAML again).
 */
@Configuration(proxyBeanMethods = false)
class StrategiesConfiguration {

    @Bean
    JooqConfigStore configStore(DSLContext db) {
        return new JooqConfigStore(db);
    }

    @Bean
    ConfigAudit configAudit(AuditLog audit) {
        return new ConfigAudit(audit);
    }

    @Bean
    StrategiesDeniedHandler strategiesDeniedHandler(ConfigAudit audit) {
        return new StrategiesDeniedHandler(audit);
    }

    /** The promotion stage applying a version needs (see {@link PromotionOnApply}). */
    @Bean
    PromotionOnApply promotionOnApply(JooqPromotionStore promotions, ObjectProvider<TradingModes> modes,
                                      @Value("${tradepilot.strategies.promotion.paper-apply-requires-stage:true}") boolean paperRequiresStage) {
        return new PromotionOnApply(promotions, modes, paperRequiresStage);
    }

    /** LIVE needs every applied strategy version READY_FOR_LIVE (see {@link PromotionLivePreconditions}). */
    @Bean
    PromotionLivePreconditions promotionLivePreconditions(JooqConfigStore store, PromotionOnApply promotion, LiveConfiguration live) {
        return new PromotionLivePreconditions(store, promotion, live);
    }

    @Bean
    DefaultStrategyConfigs strategyConfigs(DSLContext db, JooqConfigStore store, LiveConfiguration live, ConfigAudit audit, Clock clock,
                                           PromotionOnApply promotion) {
        return new DefaultStrategyConfigs(store, live, audit, clock, promotion, new DefaultUniverses(db, store, audit, clock));
    }

    @Bean
    DefaultUniverses universes(DSLContext db, JooqConfigStore store, ConfigAudit audit, Clock clock) {
        return new DefaultUniverses(db, store, audit, clock);
    }

    @Bean
    DefaultRiskSettings riskSettings(JooqConfigStore store, LiveConfiguration live, ConfigAudit audit, Clock clock) {
        return new DefaultRiskSettings(store, live, audit, clock);
    }

    /** Seeds an empty store and points the engine host's starts at the applied versions. */
    @Bean
    StartSource configurationStartSource(DSLContext db, LiveConfiguration live, JooqConfigStore store, ConfigAudit audit, Clock clock,
                                         PromotionOnApply promotion) {
        // plain instances: the beans are method-security proxies, whose package-private methods must not be called
        return new StartSource(live, new DefaultStrategyConfigs(store, live, audit, clock, promotion, new DefaultUniverses(db, store, audit, clock)),
                new DefaultRiskSettings(store, live, audit, clock));
    }

    static final class StartSource {
        StartSource(LiveConfiguration live, DefaultStrategyConfigs strategies, DefaultRiskSettings risk) {
            if (strategies.empty()) strategies.seed(live.configuredStrategies());
            if (risk.empty()) risk.seed(live.configuredLimits());
            // a store emptied since (a reset) falls back to the configuration, as a first start would
            live.startFrom(() -> strategies.empty() ? live.configuredStrategies() : strategies.appliedForStart(),
                    () -> risk.empty() ? live.configuredLimits() : risk.appliedForStart());
        }
    }
}
