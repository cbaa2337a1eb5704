package io.tradepilot.audit.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the audit log: the table, the local spool in its directory and the drainer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean(destroyMethod = "close")
    DurableAuditLog auditLog(JooqAuditStore store, AuditProperties properties, Clock clock) {
        AuditSpool spool = AuditSpool.open(properties.spoolDirectory(), JsonMapper.builder().build());
        return new DurableAuditLog(store, spool, clock).startDraining(properties.drainInterval());
    }

    /**
     * {@code tradepilot.audit.spool.size}: bytes of audit records waiting in the local spool for the database
     * (0 normally; growing while PostgreSQL refuses them).
     */
    @Bean
    MeterBinder auditSpoolMetrics(DurableAuditLog log) {
        return registry -> Gauge.builder("tradepilot.audit.spool.size", log, DurableAuditLog::spooledBytes)
                .baseUnit("bytes").description("Audit records waiting in the local spool for the database")
                .register(registry);
    }
}
