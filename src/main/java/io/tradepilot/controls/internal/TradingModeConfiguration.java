package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.LiveModePreconditions;
import io.tradepilot.controls.LivePreflight;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The PAPER/LIVE mode's beans. */
@Configuration(proxyBeanMethods = false)
class TradingModeConfiguration {

    @Bean
    JooqTradingModeStore tradingModeStore(DSLContext db) {
        return new JooqTradingModeStore(db);
    }

    @Bean
    TradingModeDeniedHandler tradingModeDeniedHandler(AuditLog audit) {
        return new TradingModeDeniedHandler(audit);
    }

    @Bean
    DefaultTradingModes tradingModes(JooqTradingModeStore store, ObjectProvider<LiveModePreconditions> preconditions,
                                     ObjectProvider<LivePreflight> preflight, AuditLog audit, ApplicationEventPublisher events,
                                     Clock clock) {
        return new DefaultTradingModes(store, preconditions, preflight, audit, events, clock);
    }
}
