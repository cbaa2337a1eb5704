package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.BrokerRefusal;
import io.tradepilot.security.UserAudit;

/**
 * The Kite login's audit records: {@code KITE_LOGIN_STARTED} and {@code KITE_LOGIN}. Details name accounts and Kite user
 * ids, never a token or a secret.
 */
class BrokersAudit {

    static final String KITE_LOGIN_STARTED = "KITE_LOGIN_STARTED";
    static final String KITE_LOGIN = "KITE_LOGIN";

    private final UserAudit audit;

    BrokersAudit(AuditLog log) {
        this.audit = new UserAudit(log);
    }

    /** Records one answered attempt of the current user; never lost. */
    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    /**
     * Records a change before it is made: the caller changes only when this returns and completes the record.
     *
     * @throws BrokerRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail,
                () -> new BrokerRefusal(503, "AUDIT_UNAVAILABLE", "the change was not made: its audit record cannot be written"));
    }
}
