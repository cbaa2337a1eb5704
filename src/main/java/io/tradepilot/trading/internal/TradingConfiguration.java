package io.tradepilot.trading.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires live paper trading: the ledger, the leader lock, the engine host, the bar cache, the read APIs, and
 * the manual trading actions and strategy switches with their authorization, rate limits and audit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TradingProperties.class, BarCacheProperties.class, LeadershipProperties.class})
class TradingConfiguration {

    @Bean
    JooqLedger tradingLedger(DSLContext db, PlatformTransactionManager transactions) {
        return new JooqLedger(db, new TransactionTemplate(transactions));
    }

    @Bean
    JooqStrategySwitches strategySwitches(DSLContext db) {
        return new JooqStrategySwitches(db);
    }

    @Bean
    RedisBarCache barCache(StringRedisTemplate redis, BarCacheProperties properties) {
        return new RedisBarCache(redis, properties);
    }

    @Bean
    EngineHost engineHost(TradingProperties properties, JooqLedger ledger, DataSource dataSource, TradingGate gate,
                          ControlEvents controlEvents, ControlService controls, Clock clock, StrategySwitches switches,
                          RedisBarCache barCache, LeadershipProperties leadership,
                          ObjectProvider<io.tradepilot.brokers.VenueAccounts> accounts,
                          ObjectProvider<io.tradepilot.controls.TradingModes> modes,
                          @org.springframework.beans.factory.annotation.Value("${tradepilot.reconciliation.enabled:true}") boolean reconciliationEnabled) {
        // the broker-account store is optional: without one the engine trades the paper venue
        io.tradepilot.brokers.VenueAccounts venues = () -> {
            var store = accounts.getIfAvailable();
            return store == null ? java.util.Optional.empty() : store.activeSession();
        };
        EngineHost host = new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock, switches, barCache, leadership, venues, () -> liveMode(modes));
        host.sizeFactorFrom(new LiveSizeFactor(host, modes)::current);
        // entries at a broker wait for the start-up reconciliation wherever it runs (its module, enabled by default)
        host.startup.require(reconciliationEnabled);
        return host;
    }

    /** The LIVE size factor for the running engine, on every trading-mode change. */
    @Bean
    LiveSizeFactor liveSizeFactor(EngineHost host, ObjectProvider<io.tradepilot.controls.TradingModes> modes) {
        return new LiveSizeFactor(host, modes);
    }

    /** Reconciliation's way to the leading engine's broker session and single writer. */
    @Bean
    HostReconciliation engineReconciliation(EngineHost host) {
        return new HostReconciliation(host);
    }

    /** Whether trading is in LIVE mode now (PAPER when the mode cannot be read or there is no mode service: fail closed). */
    static boolean liveMode(ObjectProvider<io.tradepilot.controls.TradingModes> modes) {
        var m = modes.getIfAvailable();
        return m != null && m.current().mode() == io.tradepilot.controls.TradingMode.LIVE;
    }

    @Bean
    VenueSwitchListener venueSwitchListener(EngineHost host, ObjectProvider<io.tradepilot.controls.TradingModes> modes) {
        return new VenueSwitchListener(host, () -> liveMode(modes));
    }

    /** The {@code engine} health component (in readiness: see application.yaml). */
    @Bean
    EngineHealthIndicator engineHealthIndicator(EngineHost host, TradingProperties properties) {
        return new EngineHealthIndicator(host, properties.enabled());
    }

    @Bean
    TradingAuthorization tradingAuthorization(AuditLog audit) {
        return new TradingAuthorization(audit);
    }

    /** Audits denials by method security of the trading actions (named by {@code @HandleAuthorizationDenied}). */
    @Bean
    TradingDeniedHandler tradingDeniedHandler(TradingAuthorization authorization) {
        return new TradingDeniedHandler(authorization);
    }

    /** Per-user rate limits in Redis, under the deployment's key prefix ({@code tradepilot.controls.key-prefix}). */
    @Bean
    RedisRateLimiter tradingRateLimiter(StringRedisTemplate redis, Clock clock,
                                        @Value("${tradepilot.controls.key-prefix:}") String keyPrefix) {
        return new RedisRateLimiter(redis, clock, keyPrefix);
    }

    @Bean
    DefaultTradingActions tradingActions(EngineHost host, TradingAuthorization authorization, RateLimiter limiter,
                                         ControlService controls, TradingGate gate, JooqLedger ledger, Clock clock) {
        return new DefaultTradingActions(host, authorization, limiter, controls, gate, ledger, clock);
    }

    @Bean
    DefaultStrategyControls strategyControls(TradingProperties properties, StrategySwitches switches, EngineHost host,
                                             JooqLedger ledger, TradingAuthorization authorization, Clock clock) {
        return new DefaultStrategyControls(properties, switches, host, ledger, authorization, clock);
    }

    @Bean
    io.tradepilot.trading.IntradaySquareOff intradaySquareOff(TradingProperties properties, EngineHost host) {
        return new EngineSquareOff(properties, host);
    }

    @Bean
    TradingQueries tradingQueries(JooqLedger ledger, EngineHost host, RedisBarCache barCache) {
        return new LedgerQueries(ledger, host, barCache);
    }

    /** The configuration seam of the strategies module (stored versions, applied live). */
    @Bean
    LiveStrategyBridge liveConfiguration(TradingProperties properties, EngineHost host) {
        return new LiveStrategyBridge(properties, host);
    }
}
