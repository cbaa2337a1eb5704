package io.tradepilot.audit.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditQuery;
import io.tradepilot.db.tables.records.AuditEventRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.db.Tables.AUDIT_EVENT;

/** {@link AuditQuery} over the {@code audit_event} table. */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class JooqAuditQuery implements AuditQuery {

    private final DSLContext db;

    JooqAuditQuery(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Row> find(Filter filter, int offset, int limit) {
        return db.selectFrom(AUDIT_EVENT)
                .where(conditions(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(Math.max(0, offset))
                .limit(Math.max(0, Math.min(limit, 1000)))
                .fetch(JooqAuditQuery::toRow);
    }

    @Override
    public int count(Filter filter) {
        return db.fetchCount(AUDIT_EVENT, conditions(filter));
    }

    @Override
    public List<String> actions() {
        return db.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private static List<Condition> conditions(Filter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(filter.to()));
        }
        if (filter.user() != null && !filter.user().isBlank()) {
            conditions.add(DSL.lower(AUDIT_EVENT.USERNAME).eq(filter.user().strip().toLowerCase()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.outcome() != null) {
            conditions.add(AUDIT_EVENT.OUTCOME.eq(filter.outcome().name()));
        }
        return conditions;
    }

    private static Row toRow(AuditEventRecord r) {
        return new Row(r.getId(), r.getOccurredAt(), r.getUsername(), r.getAction(), r.getTarget(), r.getReason(),
                AuditOutcome.valueOf(r.getOutcome()), r.getDetail(), r.getClientAddress());
    }
}
