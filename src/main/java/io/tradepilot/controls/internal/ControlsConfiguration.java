package io.tradepilot.controls.internal;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.lettuce.core.ClientOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** Wires the controls: Redis store, change relay, gate, authorization and the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlsProperties.class)
class ControlsConfiguration {

    /**
     * Fail fast instead of queueing commands while Redis is unreachable: the control state then
     * reads as unknown (and blocks trading) at once rather than after the command timeout.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ControlRules controlRules(ControlsProperties properties) {
        return new ControlRules(properties.engageReasonMinLength(), properties.resetReasonMinLength(),
                properties.textMaxLength(), properties.resetInterval());
    }

    @Bean
    RedisControlStore controlStore(StringRedisTemplate redis, ControlsProperties properties,
                                   ObjectProvider<Clock> clock) {
        return new RedisControlStore(redis, JsonMapper.builder().build(), clock.getIfAvailable(Clock::systemUTC),
                properties.keyPrefix(), properties.historyLimit());
    }

    @Bean
    ControlAuthorization controlAuthorization(ControlAuditTrail audit) {
        return new ControlAuthorization(audit);
    }

    @Bean
    AuditingDeniedHandler auditingDeniedHandler(ControlAuthorization authorization) {
        return new AuditingDeniedHandler(authorization);
    }

    @Bean
    ControlService controlService(ControlStore store, ControlAuthorization authorization, ControlAuditTrail audit,
                                  ControlRules rules, ObjectProvider<Clock> clock, ControlStateCache cache) {
        return new ControlService(store, authorization, audit, rules, clock.getIfAvailable(Clock::systemUTC),
                change -> cache.refresh());
    }

    @Bean(destroyMethod = "close")
    ControlStateCache controlStateCache(ControlStore store, ControlsProperties properties, ObjectProvider<Clock> clock) {
        return new ControlStateCache(store, clock.getIfAvailable(Clock::systemUTC), properties.cacheMaxAge())
                .start(properties.cacheRefreshInterval());
    }

    /** The gate answers from memory (the engine asks it for every order); see {@link ControlStateCache}. */
    @Bean
    TradingGate tradingGate(ControlStateCache cache, ObjectProvider<Clock> clock) {
        return new TradingGate(cache, clock.getIfAvailable(Clock::systemUTC));
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
        container.addMessageListener(relay, new ChannelTopic(RedisControlStore.channel(properties.keyPrefix())));
        return container;
    }
}
