package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;

/** The audit records of journal edits: action {@code JOURNAL_TAGS_SET} or {@code JOURNAL_NOTE_SET}, target {@code trade:<id>}. */
class JournalAudit {

    static final String TAGS = "JOURNAL_TAGS_SET";
    static final String NOTE = "JOURNAL_NOTE_SET";

    private final AuditLog audit;

    JournalAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records one attempt by the current user; a failing audit log is logged, not thrown (the edit stands). */
    void record(String action, long tradeId, AuditOutcome outcome, String detail) {
        audit.recordOrLog(new AuditEntry(CurrentUser.username(), action, "trade:" + tradeId, null, outcome,
                detail == null ? null : cut(detail), CurrentUser.clientAddress()));
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
