package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.UserAudit;

/** The audit records of alerts configuration: actions {@code ALERT_CHANNEL_*}, {@code ALERT_RULE_UPDATED}, {@code ALERT_QUIET_HOURS_SET}. */
class AlertsAudit {

    static final String CHANNEL_CREATED = "ALERT_CHANNEL_CREATED";
    static final String CHANNEL_UPDATED = "ALERT_CHANNEL_UPDATED";
    static final String CHANNEL_DELETED = "ALERT_CHANNEL_DELETED";
    static final String CHANNEL_TESTED = "ALERT_CHANNEL_TESTED";
    static final String RULE_UPDATED = "ALERT_RULE_UPDATED";
    static final String QUIET_HOURS_SET = "ALERT_QUIET_HOURS_SET";

    private final UserAudit audit;

    AlertsAudit(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    /** Records one answered attempt (a denial) by the current user; never lost (see {@link AuditLog#record}). */
    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    /**
     * Records a change before it is made ({@link AuditLog#begin}): the caller changes only when this returns and
     * completes the record with the outcome.
     *
     * @throws AlertRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail,
                () -> new AlertRefusal(503, "AUDIT_UNAVAILABLE", null, "the change was not made: its audit record cannot be written"));
    }
}
