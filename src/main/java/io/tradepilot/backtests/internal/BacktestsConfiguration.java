package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.backtests.BacktestBoard;
import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.marketdata.HistoricalBars;
import org.springframework.beans.factory.ObjectProvider;
import io.tradepilot.backtests.BacktestRunner;
import io.tradepilot.strategies.StrategyConfigs;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The backtests' beans (settings: {@link BacktestsProperties}, {@code tradepilot.backtests.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BacktestsProperties.class)
class BacktestsConfiguration {

    @Bean
    JooqBacktestStore backtestStore(DSLContext db) {
        return new JooqBacktestStore(db);
    }

    /**
     * The data port: the market-data store's series ({@link StoredBacktestData}) over the fixed ones (synthetic market,
     * CSV folder); only the fixed ones where no store exists.
     */
    @Bean
    @ConditionalOnMissingBean(BacktestData.class)
    BacktestData backtestData(BacktestsProperties properties, ObjectProvider<HistoricalBars> stored) {
        BacktestData fixed = FixedBacktestData.of(properties.data());
        HistoricalBars store = stored.getIfAvailable();
        return store == null ? fixed : new StoredBacktestData(store, fixed);
    }

    /** The INDEPENDENT mode's runner (PORTFOLIO runs always use {@link PortfolioRunner}, chosen per run by the worker). */
    @Bean
    @ConditionalOnMissingBean(BacktestRunner.class)
    BacktestRunner backtestRunner() {
        return new IndependentRunsRunner();
    }

    @Bean
    BacktestQueue backtestQueue(DataSource dataSource, PlatformTransactionManager transactions, BacktestsProperties properties,
                                JooqBacktestStore store, BacktestData data, BacktestRunner runner, Clock clock) throws Exception {
        BacktestQueue queue = new BacktestQueue(dataSource, transactions, properties, store::unfinished);
        queue.setWorker(new BacktestWorker(store, data, Map.of(BacktestMode.INDEPENDENT, runner, BacktestMode.PORTFOLIO, new PortfolioRunner()),
                properties, clock, queue.instanceId()));
        return queue;
    }

    @Bean
    DefaultBacktests backtests(JooqBacktestStore store, BacktestQueue queue, BacktestData data, StrategyConfigs configs,
                               io.tradepilot.strategies.Universes universes, AuditLog audit, Clock clock, BacktestRunner runner) {
        return new DefaultBacktests(store, queue, data, configs, universes, audit, clock, Map.of(BacktestMode.INDEPENDENT, runner.name(),
                BacktestMode.PORTFOLIO, PortfolioRunner.NAME));
    }

    @Bean
    BacktestsDeniedHandler backtestsDeniedHandler(AuditLog audit) {
        return new BacktestsDeniedHandler(audit);
    }

    @Bean
    BacktestBoard backtestBoard(JooqBacktestStore store, @Value("${tradepilot.backtests.push-interval:500ms}") Duration interval) {
        return new BacktestBoard(() -> store.latest(100), interval);
    }
}
