package io.tradepilot.signals.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.SecretBox;
import io.tradepilot.trading.StrategyOrders;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The signals' beans (settings: {@link SignalsProperties}, {@code tradepilot.signals.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignalsProperties.class)
class SignalsConfiguration {

    @Bean
    JooqSignalStore signalStore(DSLContext db) {
        return new JooqSignalStore(db);
    }

    @Bean
    StrategySecrets signalStrategySecrets(SecretBox secretBox) {
        return new StrategySecrets(secretBox);
    }

    @Bean
    DefaultSignalReceiver signalReceiver(JooqSignalStore store, StrategySecrets secrets, StrategyOrders orders, AuditLog audit,
                                         SignalsProperties properties, Clock clock) {
        return new DefaultSignalReceiver(store, secrets, orders, audit, properties, clock);
    }

    @Bean
    DefaultSignalAdministration signalAdministration(JooqSignalStore store, StrategySecrets secrets, AuditLog audit, Clock clock) {
        return new DefaultSignalAdministration(store, secrets, audit, clock);
    }

    @Bean
    SignalsDeniedHandler signalsDeniedHandler(AuditLog audit) {
        return new SignalsDeniedHandler(audit);
    }
}
