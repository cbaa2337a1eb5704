package io.tradepilot.brokers.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code broker} health component over the active account and its session's {@link io.tradepilot.brokers.VenueHealth}. */
@Configuration(proxyBeanMethods = false)
class BrokerHealthConfiguration {

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(JooqBrokerAccountStore store, DefaultVenueAccounts venues,
                                                PlatformTransactionManager transactions, Clock clock,
                                                @Value("${tradepilot.brokers.token-warning:12h}") Duration tokenWarning) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new BrokerHealthIndicator(() -> readOnly.execute(tx -> store.activeId().flatMap(store::account))
                .map(a -> new BrokerHealthIndicator.Active(a.name(), a.broker(), a.accessTokenExpiresAt(),
                        venues.health(a.id()).orElse(null))), clock, tokenWarning);
    }
}
