package io.tradepilot.audit.internal;

import static io.tradepilot.db.Tables.AUDIT_EVENT;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit entries in their own transaction, so that they survive a rollback of the caller's. */
@Component
class JooqAuditLog implements AuditLog {

    private static final int TEXT_LIMIT = 2000;

    private final DSLContext db;
    private final Clock clock;

    JooqAuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, clock.instant())
                .set(AUDIT_EVENT.USERNAME, cut(entry.username(), 64))
                .set(AUDIT_EVENT.ACTION, cut(entry.action(), 64))
                .set(AUDIT_EVENT.TARGET, cut(entry.target(), 200))
                .set(AUDIT_EVENT.REASON, cut(entry.reason(), TEXT_LIMIT))
                .set(AUDIT_EVENT.OUTCOME, entry.outcome().name())
                .set(AUDIT_EVENT.DETAIL, cut(entry.detail(), TEXT_LIMIT))
                .set(AUDIT_EVENT.CLIENT_ADDRESS, cut(entry.clientAddress(), 64))
                .execute();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
