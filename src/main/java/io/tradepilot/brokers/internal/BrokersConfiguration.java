package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSessionFactory;
import io.tradepilot.security.SecretBox;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The broker accounts' beans: the store, {@link VenueAccounts} for the engine host, {@link BrokerAccounts} for admins. */
@Configuration(proxyBeanMethods = false)
class BrokersConfiguration {

    @Bean
    JooqBrokerAccountStore brokerAccountStore(DSLContext db) {
        return new JooqBrokerAccountStore(db);
    }

    @Bean
    AccountSecrets brokerAccountSecrets(SecretBox secretBox) {
        return new AccountSecrets(secretBox);
    }

    @Bean
    DefaultVenueAccounts venueAccounts(JooqBrokerAccountStore store, AccountSecrets secrets, List<VenueSessionFactory> factories,
                                       PlatformTransactionManager transactions, Clock clock) {
        return new DefaultVenueAccounts(store, secrets, factories, new TransactionTemplate(transactions), clock);
    }

    @Bean
    BrokerAccountsDeniedHandler brokerAccountsDeniedHandler(AuditLog audit) {
        return new BrokerAccountsDeniedHandler(audit);
    }

    @Bean
    BrokerAccounts brokerAccounts(JooqBrokerAccountStore store, AccountSecrets secrets, DefaultVenueAccounts venues,
                                  AuditLog audit, PlatformTransactionManager transactions,
                                  ApplicationEventPublisher events, Clock clock) {
        return new DefaultBrokerAccounts(store, secrets, new AccountRules(), venues, audit, new TransactionTemplate(transactions),
                events, clock);
    }
}
