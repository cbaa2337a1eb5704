package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires live paper trading: the ledger, the leader lock, the engine host, the bar cache and the read APIs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TradingProperties.class, BarCacheProperties.class})
class TradingConfiguration {

    @Bean
    JooqLedger tradingLedger(DSLContext db, PlatformTransactionManager transactions) {
        return new JooqLedger(db, new TransactionTemplate(transactions));
    }

    @Bean
    RedisBarCache barCache(StringRedisTemplate redis, BarCacheProperties properties) {
        return new RedisBarCache(redis, properties);
    }

    @Bean
    EngineHost engineHost(TradingProperties properties, JooqLedger ledger, DataSource dataSource, TradingGate gate,
                          ControlEvents controlEvents, ControlService controls, Clock clock, RedisBarCache barCache) {
        return new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock, barCache);
    }

    @Bean
    TradingQueries tradingQueries(JooqLedger ledger, EngineHost host) {
        return new LedgerQueries(ledger, host);
    }
}
