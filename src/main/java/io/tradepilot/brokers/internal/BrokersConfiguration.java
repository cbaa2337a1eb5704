package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.SecretBox;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The brokers module's beans: the Kite login and its tokens ({@code tradepilot.brokers.kite.*}, {@link KiteProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KiteProperties.class)
class BrokersConfiguration {

    @Bean
    BrokersAudit brokersAudit(AuditLog audit) {
        return new BrokersAudit(audit);
    }

    @Bean
    BrokersDeniedHandler brokersDeniedHandler(BrokersAudit audit) {
        return new BrokersDeniedHandler(audit);
    }

    @Bean
    JooqKiteLoginStore kiteLoginStore(DSLContext db) {
        return new JooqKiteLoginStore(db);
    }

    @Bean
    DefaultKiteLogins kiteLogins(KiteProperties properties, JooqKiteLoginStore store, SecretBox secrets, BrokersAudit audit,
                                 ApplicationEventPublisher events, Clock clock) {
        return new DefaultKiteLogins(properties, store, secrets, audit, events, clock);
    }

    @Bean
    DefaultKiteTokens kiteTokens(KiteProperties properties, JooqKiteLoginStore store, SecretBox secrets, BrokersAudit audit, Clock clock) {
        return new DefaultKiteTokens(properties, store, secrets, audit, clock);
    }
}
