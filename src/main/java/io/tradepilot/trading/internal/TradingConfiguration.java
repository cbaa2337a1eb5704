package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires live paper trading: the ledger, the leader lock, the engine host and the read API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradingProperties.class)
class TradingConfiguration {

    @Bean
    JooqLedger tradingLedger(DSLContext db, PlatformTransactionManager transactions) {
        return new JooqLedger(db, new TransactionTemplate(transactions));
    }

    @Bean
    EngineHost engineHost(TradingProperties properties, JooqLedger ledger, DataSource dataSource, TradingGate gate,
                          ControlEvents controlEvents, ControlService controls, Clock clock) {
        return new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock);
    }

    @Bean
    io.tradepilot.trading.IntradaySquareOff intradaySquareOff(TradingProperties properties, EngineHost host) {
        return new EngineSquareOff(properties, host);
    }

    @Bean
    TradingQueries tradingQueries(JooqLedger ledger, EngineHost host) {
        return new LedgerQueries(ledger, host);
    }
}
