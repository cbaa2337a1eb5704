package io.tradepilot.reconciliation.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlService;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.reconciliation.ReconciliationRefusal;
import io.tradepilot.security.UserAudit;

/**
 * Reconciliation's audit records: {@code RECONCILIATION_RUN}, {@code RECONCILIATION_ADOPT}, {@code
 * RECONCILIATION_CLOSE}, {@code RECONCILIATION_IGNORE} (users), {@code RECONCILIATION_MISMATCH_FOUND},
 * {@code RECONCILIATION_MISMATCH_CLEARED}, {@code RECONCILIATION_BACKFILL} (the system).
 */
class ReconciliationAudit {

    static final String RUN = "RECONCILIATION_RUN";
    static final String ADOPT = "RECONCILIATION_ADOPT";
    static final String CLOSE = "RECONCILIATION_CLOSE";
    static final String IGNORE = "RECONCILIATION_IGNORE";
    static final String FOUND = "RECONCILIATION_MISMATCH_FOUND";
    static final String CLEARED = "RECONCILIATION_MISMATCH_CLEARED";
    static final String BACKFILL = "RECONCILIATION_BACKFILL";
    static final String SYSTEM_USER = ControlService.SYSTEM_USER;

    private final AuditLog log;
    private final UserAudit audit;

    ReconciliationAudit(AuditLog log) {
        this.log = log;
        this.audit = new UserAudit(log);
    }

    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    void system(String action, String target, String detail) {
        log.record(new AuditEntry(SYSTEM_USER, action, target, null, AuditOutcome.SUCCESS, detail, null));
    }

    /** @throws ReconciliationRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: change nothing */
    AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail,
                () -> new ReconciliationRefusal(503, "AUDIT_UNAVAILABLE", "nothing was changed: the audit record cannot be written"));
    }
}
