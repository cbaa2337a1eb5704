package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.security.UserAudit;

/**
 * The audit records of broker accounts: {@code BROKER_ACCOUNT_CREATED|UPDATED|DELETED|TESTED|ACTIVATED|DEACTIVATED|TOKEN_STORED};
 * details name settings and whether credentials were set, never a credential.
 */
class BrokerAccountsAudit {

    static final String CREATED = "BROKER_ACCOUNT_CREATED";
    static final String UPDATED = "BROKER_ACCOUNT_UPDATED";
    static final String DELETED = "BROKER_ACCOUNT_DELETED";
    static final String TESTED = "BROKER_ACCOUNT_TESTED";
    static final String ACTIVATED = "BROKER_ACCOUNT_ACTIVATED";
    static final String DEACTIVATED = "BROKER_ACCOUNT_DEACTIVATED";
    static final String TOKEN_STORED = "BROKER_ACCOUNT_TOKEN_STORED";

    private final UserAudit audit;

    BrokerAccountsAudit(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    /** Records one answered attempt (a denial) by the current user; never lost (see {@link AuditLog#record}). */
    void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(action, target, outcome, detail);
    }

    /**
     * Records a change before it is made: the caller changes only when this returns and completes the record.
     *
     * @throws BrokerAccountRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail, () -> new BrokerAccountRefusal(503, "AUDIT_UNAVAILABLE", null,
                "the change was not made: its audit record cannot be written"));
    }
}
