package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.BrokerHealth;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code broker} health component over every {@link BrokerHealth} source. */
@Configuration(proxyBeanMethods = false)
class BrokerHealthConfiguration {

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(ObjectProvider<BrokerHealth> sources, Clock clock,
                                                @Value("${tradepilot.brokers.token-warning:12h}") Duration tokenWarning) {
        return new BrokerHealthIndicator(sources.orderedStream().toList(), clock, tokenWarning);
    }
}
