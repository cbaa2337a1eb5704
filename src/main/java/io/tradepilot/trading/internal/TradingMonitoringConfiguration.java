package io.tradepilot.trading.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What operators watch of live trading: the engine host's meters ({@link TradingMetrics}, registered before the
 * host starts) and the {@code leader} and {@code feed} health components ({@link TradingHealth}).
 */
@Configuration(proxyBeanMethods = false)
class TradingMonitoringConfiguration {

    @Bean
    TradingMetrics tradingMetrics(MeterRegistry registry, EngineHost host) {
        TradingMetrics metrics = new TradingMetrics(registry);
        TradingMetrics.gauges(registry, host);
        host.meterWith(metrics);
        return metrics;
    }

    @Bean
    HealthIndicator leaderHealthIndicator(EngineHost host, TradingProperties properties) {
        return TradingHealth.leader(host, properties.enabled());
    }

    @Bean
    HealthIndicator feedHealthIndicator(EngineHost host, TradingProperties properties) {
        return TradingHealth.feed(host, properties.marketdata().staleAfter());
    }
}
