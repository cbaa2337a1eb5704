package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.BacktestEvidence;
import io.tradepilot.strategies.PaperTradingDays;
import io.tradepilot.strategies.StrategyConfigs;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the promotion gate; its evidence comes through the {@link BacktestEvidence} and {@link PaperTradingDays} ports. */
@Configuration(proxyBeanMethods = false)
class PromotionConfiguration {

    @Bean
    JooqPromotionStore promotionStore(DSLContext db) {
        return new JooqPromotionStore(db);
    }

    @Bean
    DefaultPromotionGate promotionGate(JooqPromotionStore store, StrategyConfigs configs, ObjectProvider<BacktestEvidence> evidence,
                                       ObjectProvider<PaperTradingDays> paperDays, ConfigAudit audit, Clock clock) {
        return new DefaultPromotionGate(store, configs, evidence, paperDays, audit, clock);
    }
}
