package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.security.CurrentUser;

/** The audit records of journal edits: action {@code JOURNAL_TAGS_SET} or {@code JOURNAL_NOTE_SET}, target {@code trade:<id>}. */
class JournalAudit {

    static final String TAGS = "JOURNAL_TAGS_SET";
    static final String NOTE = "JOURNAL_NOTE_SET";

    private final AuditLog audit;

    JournalAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records one answered attempt (a refusal, a denial) by the current user; never lost (see {@link AuditLog#record}). */
    void record(String action, long tradeId, AuditOutcome outcome, String detail) {
        audit.record(entry(action, tradeId, outcome, detail));
    }

    /**
     * Records an edit before it is made ({@link AuditLog#begin}): the caller edits only when this returns and
     * completes the record with the outcome.
     *
     * @throws JournalRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, long tradeId, String detail) {
        try {
            return audit.begin(entry(action, tradeId, AuditOutcome.PENDING, detail));
        } catch (AuditUnavailableException e) {
            throw new JournalRefusal(503, "AUDIT_UNAVAILABLE", null, "the edit was not made: its audit record cannot be written");
        }
    }

    private static AuditEntry entry(String action, long tradeId, AuditOutcome outcome, String detail) {
        return new AuditEntry(CurrentUser.username(), action, "trade:" + tradeId, null, outcome,
                detail == null ? null : cut(detail), CurrentUser.clientAddress());
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
