package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.security.UserAudit;

/** The audit records of journal edits: action {@code JOURNAL_TAGS_SET} or {@code JOURNAL_NOTE_SET}, target {@code trade:<id>}. */
class JournalAudit {

    static final String TAGS = "JOURNAL_TAGS_SET";
    static final String NOTE = "JOURNAL_NOTE_SET";

    private final UserAudit audit;

    JournalAudit(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    /** Records one answered attempt (a refusal, a denial) by the current user; never lost (see {@link AuditLog#record}). */
    void record(String action, long tradeId, AuditOutcome outcome, String detail) {
        audit.record(action, "trade:" + tradeId, outcome, detail);
    }

    /**
     * Records an edit before it is made ({@link AuditLog#begin}): the caller edits only when this returns and
     * completes the record with the outcome.
     *
     * @throws JournalRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, long tradeId, String detail) {
        return audit.begin(action, "trade:" + tradeId, detail,
                () -> new JournalRefusal(503, "AUDIT_UNAVAILABLE", null, "the edit was not made: its audit record cannot be written"));
    }
}
