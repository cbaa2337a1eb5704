package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.runbook.RunbookRefusal;
import io.tradepilot.security.UserAudit;

/**
 * The audit records of runbook changes: {@code PREFLIGHT_TICKED}, {@code PREFLIGHT_UNTICKED},
 * {@code PREFLIGHT_COMPLETED} (target {@code preflight:<day>}), {@code RISK_LIMITS_REVIEWED} (target
 * {@code risk-limits:<fingerprint>}), {@code INCIDENT_OPENED}, {@code INCIDENT_NOTE_ADDED}, {@code INCIDENT_CLOSED}
 * (target {@code incident:<id>}).
 */
class RunbookAudit {

    static final String TICKED = "PREFLIGHT_TICKED";
    static final String UNTICKED = "PREFLIGHT_UNTICKED";
    static final String COMPLETED = "PREFLIGHT_COMPLETED";
    static final String REVIEWED = "RISK_LIMITS_REVIEWED";
    static final String OPENED = "INCIDENT_OPENED";
    static final String NOTE = "INCIDENT_NOTE_ADDED";
    static final String CLOSED = "INCIDENT_CLOSED";

    private final UserAudit audit;

    RunbookAudit(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    /** Records an answered attempt (a refusal, a denial) of the current user; never lost. */
    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    /** Records a refusal and hands it back to be thrown. */
    RunbookRefusal refused(String action, String target, RunbookRefusal refusal) {
        record(action, target, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
        return refusal;
    }

    /**
     * Records a change before it is made: the caller changes only when this returns and completes the record.
     *
     * @throws RunbookRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail, () -> new RunbookRefusal(503, "AUDIT_UNAVAILABLE", null,
                "Nothing was changed: the audit log cannot be written."));
    }
}
