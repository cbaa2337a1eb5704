package io.tradepilot.controls.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** Wires the controls: Redis store, change relay, gate, authorization and the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlsProperties.class)
class ControlsConfiguration {

    @Bean
    ControlRules controlRules(ControlsProperties properties) {
        return new ControlRules(properties.engageReasonMinLength(), properties.resetReasonMinLength(),
                properties.textMaxLength(), properties.resetInterval());
    }

    @Bean
    RedisControlStore controlStore(StringRedisTemplate redis, ControlsProperties properties,
                                   Clock clock) {
        return new RedisControlStore(redis, Json.mapper(), clock,
                properties.keyPrefix(), properties.historyLimit());
    }

    @Bean
    ControlAuthorization controlAuthorization(AuditLog audit) {
        return new ControlAuthorization(audit);
    }

    @Bean
    AuditingDeniedHandler auditingDeniedHandler(ControlAuthorization authorization) {
        return new AuditingDeniedHandler(authorization);
    }

    @Bean
    ControlService controlService(ControlStore store, ControlAuthorization authorization, AuditLog audit,
                                  ControlRules rules, Clock clock, ControlStateCache cache) {
        return new ControlService(store, authorization, audit, rules, clock,
                change -> cache.refresh());
    }

    @Bean(destroyMethod = "close")
    ControlStateCache controlStateCache(ControlStore store, ControlsProperties properties, Clock clock) {
        return new ControlStateCache(store, clock, properties.cacheMaxAge())
                .start(properties.cacheRefreshInterval());
    }

    /** The gate answers from memory (the engine asks it for every order); see {@link ControlStateCache}. */
    @Bean
    TradingGate tradingGate(ControlStateCache cache, Clock clock) {
        return new TradingGate(cache, clock);
    }

    /** The controls as gauges at {@code /actuator/prometheus}. */
    @Bean
    ControlMetrics controlMetrics(TradingGate gate) {
        return new ControlMetrics(gate);
    }

    @Bean
    RedisControlEventRelay controlEventRelay(RedisControlStore store, ControlStateCache cache) {
        var relay = new RedisControlEventRelay(store);
        relay.subscribe(change -> cache.refreshSoon());
        return relay;
    }

    /**
     * Listens to the change channel on ONE thread so that changes reach the listeners in the order
     * they were stored (the default executor does not keep order).
     */
    @Bean
    RedisMessageListenerContainer controlChangeListenerContainer(RedisConnectionFactory connectionFactory,
                                                                 RedisControlEventRelay relay,
                                                                 ControlsProperties properties) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        Executor single = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("control-changes").daemon().factory());
        container.setTaskExecutor(single);
        container.setRecoveryInterval(1000); // resubscribe quickly after a Redis outage
        container.addMessageListener(relay, new ChannelTopic(RedisControlStore.channel(properties.keyPrefix())));
        return container;
    }
}
