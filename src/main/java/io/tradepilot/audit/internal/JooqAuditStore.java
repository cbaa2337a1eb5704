package io.tradepilot.audit.internal;

import static io.tradepilot.db.Tables.AUDIT_EVENT;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import io.tradepilot.db.tables.records.AuditEventRecord;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;
import org.jooq.tools.StringUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_event} table. Every method runs in its own transaction, so that a record survives a rollback
 * of the caller's, and throws whatever the database throws (the {@link DurableAuditLog} decides what then).
 * Texts are made storable first: control characters other than tab, CR and LF (PostgreSQL refuses NUL outright)
 * and unpaired surrogate halves become <code>&#92;uXXXX</code>, and overlong texts are cut to the column sizes.
 */
@Component
class JooqAuditStore {

    private static final int TEXT_LIMIT = 2000;

    private final DSLContext db;

    JooqAuditStore(DSLContext db) {
        this.db = db;
    }

    /** Inserts one record. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insert(AuditRecord record) {
        values(record).execute();
    }

    /**
     * Completes a PENDING record with its outcome.
     *
     * @return false when there is no PENDING record of that id (already completed, or never written)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean complete(UUID eventId, AuditOutcome outcome, String detail) {
        return db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.OUTCOME, outcome.name())
                .set(AUDIT_EVENT.DETAIL, cut(storable(detail), TEXT_LIMIT))
                .where(AUDIT_EVENT.EVENT_ID.eq(eventId).and(AUDIT_EVENT.OUTCOME.eq(AuditOutcome.PENDING.name())))
                .execute() == 1;
    }

    /**
     * Writes spooled records, all or none: a record whose event id is already stored is skipped, except that a
     * stored PENDING record takes the spooled outcome. Writing the same records twice changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void upsert(List<AuditRecord> records) {
        for (AuditRecord record : records) {
            values(record).onConflict(AUDIT_EVENT.EVENT_ID).doUpdate()
                    .set(AUDIT_EVENT.OUTCOME, DSL.excluded(AUDIT_EVENT.OUTCOME))
                    .set(AUDIT_EVENT.DETAIL, DSL.excluded(AUDIT_EVENT.DETAIL))
                    .where(AUDIT_EVENT.OUTCOME.eq(AuditOutcome.PENDING.name()))
                    .execute();
        }
    }

    private InsertSetMoreStep<AuditEventRecord> values(AuditRecord record) {
        AuditEntry entry = record.entry();
        return db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.EVENT_ID, record.eventId())
                .set(AUDIT_EVENT.OCCURRED_AT, record.occurredAt())
                .set(AUDIT_EVENT.USERNAME, cut(storable(entry.username()), 64))
                .set(AUDIT_EVENT.ACTION, cut(storable(entry.action()), 64))
                .set(AUDIT_EVENT.TARGET, cut(storable(entry.target()), 200))
                .set(AUDIT_EVENT.REASON, cut(storable(entry.reason()), TEXT_LIMIT))
                .set(AUDIT_EVENT.OUTCOME, entry.outcome().name())
                .set(AUDIT_EVENT.DETAIL, cut(storable(entry.detail()), TEXT_LIMIT))
                .set(AUDIT_EVENT.CLIENT_ADDRESS, cut(storable(entry.clientAddress()), 64));
    }

    /**
     * {@code text} with every character a text column should not hold written as <code>&#92;uXXXX</code>: control
     * characters except tab, CR and LF, and surrogate halves without their partner.
     */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean escape = !pair && (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape) {
                    out.append("\\u").append(StringUtils.leftPad(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT), 4, '0'));
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
