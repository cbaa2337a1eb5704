package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.backtests.BacktestData;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The sweeps' beans: their store, their chunk jobs on the backtests' scheduler, the service. */
@Configuration(proxyBeanMethods = false)
class SweepsConfiguration {

    @Bean
    SweepStore sweepStore(DSLContext db) {
        return new SweepStore(db);
    }

    @Bean
    SweepChunks sweepChunks(BacktestQueue queue, SweepStore store, BacktestData data, Clock clock) {
        SweepChunks chunks = new SweepChunks(queue, store, data, clock);
        chunks.requeueMissing();
        return chunks;
    }

    @Bean
    DefaultSweeps sweeps(SweepStore store, SweepChunks chunks, DefaultBacktests backtests, BacktestData data, Clock clock) {
        return new DefaultSweeps(store, chunks, backtests, data, clock);
    }

    @Bean
    SweepsDeniedHandler sweepsDeniedHandler(AuditLog audit) {
        return new SweepsDeniedHandler(audit);
    }
}
