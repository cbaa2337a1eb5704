package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.security.UserAudit;

import java.util.function.Supplier;

/**
 * The audit records of configuration changes: actions {@code STRATEGY_CONFIG_SAVE}, {@code STRATEGY_CONFIG_APPLY},
 * {@code RISK_SETTINGS_SAVE}, {@code RISK_SETTINGS_APPLY}; target {@code strategy:<id>} or {@code risk:limits}.
 * A change is recorded before it is made (record-first); refusals and denials after.
 */
class ConfigAudit {

    static final String STRATEGY_SAVE = "STRATEGY_CONFIG_SAVE";
    static final String STRATEGY_APPLY = "STRATEGY_CONFIG_APPLY";
    static final String RISK_SAVE = "RISK_SETTINGS_SAVE";
    static final String RISK_APPLY = "RISK_SETTINGS_APPLY";

    private final UserAudit audit;

    ConfigAudit(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    /**
     * Runs {@code change} after its PENDING record is written and completes the record with its outcome; a refusal
     * it throws is recorded FAILED with its code. Refuses (503 AUDIT_UNAVAILABLE) without running it when the record
     * cannot be written.
     */
    <T> T change(String action, String target, String detail, Supplier<T> change) {
        AuditLog.Pending pending = audit.begin(action, target, detail,
                () -> new ConfigRefusal(503, "AUDIT_UNAVAILABLE", null, "nothing was changed: its audit record cannot be written"));
        try {
            T result = change.get();
            pending.complete(AuditOutcome.SUCCESS, detail);
            return result;
        } catch (ConfigRefusal r) {
            pending.complete(AuditOutcome.FAILED, r.code() + ": " + r.getMessage());
            throw r;
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, "error: " + e);
            throw e;
        }
    }

    /** The stripped reason ({@link TextRules#reason}); a refused one is recorded FAILED under {@code action} and thrown. */
    String reason(String action, String target, String reason) {
        try {
            return TextRules.reason(reason);
        } catch (ConfigRefusal refusal) {
            throw refused(action, target, refusal);
        }
    }

    /** Records a refusal decided before any change (bad input, wrong confirmation) and returns it to be thrown. */
    ConfigRefusal refused(String action, String target, ConfigRefusal refusal) {
        audit.record(action, target, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
        return refusal;
    }
}
