package io.tradepilot.reconciliation.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlService;
import io.tradepilot.trading.EngineReconciliation;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Reconciliation's beans ({@code tradepilot.reconciliation.*}, {@link ReconciliationProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationConfiguration {

    @Bean
    JooqReconciliationStore reconciliationStore(DSLContext db) {
        return new JooqReconciliationStore(db);
    }

    @Bean
    ReconciliationAudit reconciliationAudit(AuditLog audit) {
        return new ReconciliationAudit(audit);
    }

    @Bean
    ReconciliationDeniedHandler reconciliationDeniedHandler(AuditLog audit) {
        return new ReconciliationDeniedHandler(audit);
    }

    @Bean
    ReconciliationRunner reconciliationRunner(TradingQueries queries, ControlService controls,
                                              ObjectProvider<EngineReconciliation> engine, JooqReconciliationStore store,
                                              ReconciliationAudit audit, ReconciliationProperties properties,
                                              TransactionTemplate transactions, Clock clock) {
        return new ReconciliationRunner(queries, controls, engine, store, audit, properties, transactions, clock);
    }

    @Bean
    DefaultReconciliation reconciliation(ReconciliationRunner runner, JooqReconciliationStore store,
                                         ObjectProvider<EngineReconciliation> engine, ReconciliationAudit audit,
                                         TransactionTemplate transactions, Clock clock) {
        return new DefaultReconciliation(runner, store, engine, audit, transactions, clock);
    }

    @Bean
    ReconciliationLivePreconditions reconciliationLivePreconditions(TradingQueries queries, ReconciliationRunner runner,
                                                                    JooqReconciliationStore store) {
        return new ReconciliationLivePreconditions(queries, runner, store);
    }

    @Bean
    ReconciliationSchedule reconciliationSchedule(ReconciliationRunner runner, ReconciliationProperties properties) {
        return new ReconciliationSchedule(runner, properties);
    }
}
