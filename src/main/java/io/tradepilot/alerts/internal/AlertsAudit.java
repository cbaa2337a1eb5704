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

    /**
     * Makes {@code change} in a transaction of {@code transactions} after recording it ({@link #begin}), and completes
     * the record: SUCCESS with {@code detail}, or FAILED with the refusal's code and message (or the exception's
     * type) when the change throws, which is rethrown.
     */
    <T> T audited(String action, String target, String detail, org.springframework.transaction.support.TransactionTemplate transactions,
                  java.util.function.Supplier<T> change) {
        AuditLog.Pending record = begin(action, target, detail);
        try {
            T result = transactions.execute(tx -> change.get());
            record.complete(io.tradepilot.audit.AuditOutcome.SUCCESS, detail);
            return result;
        } catch (AlertRefusal refusal) {
            record.complete(io.tradepilot.audit.AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        } catch (RuntimeException e) {
            record.complete(io.tradepilot.audit.AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
    }
}
