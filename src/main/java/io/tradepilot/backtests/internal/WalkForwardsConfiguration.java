package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.backtests.BacktestData;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The walk-forwards' beans: their store, their window jobs on the backtests' scheduler, the service. */
@Configuration(proxyBeanMethods = false)
class WalkForwardsConfiguration {

    @Bean
    WalkForwardStore walkForwardStore(DSLContext db) {
        return new WalkForwardStore(db);
    }

    @Bean
    WalkForwardWindows walkForwardWindows(BacktestQueue queue, WalkForwardStore store, BacktestData data, Clock clock) {
        WalkForwardWindows windows = new WalkForwardWindows(queue, store, data, clock);
        windows.requeueMissing();
        return windows;
    }

    @Bean
    DefaultWalkForwards walkForwards(WalkForwardStore store, WalkForwardWindows windows, DefaultBacktests backtests, BacktestData data, Clock clock) {
        return new DefaultWalkForwards(store, windows, backtests, data, clock);
    }

    @Bean
    WalkForwardsDeniedHandler walkForwardsDeniedHandler(AuditLog audit) {
        return new WalkForwardsDeniedHandler(audit);
    }
}
