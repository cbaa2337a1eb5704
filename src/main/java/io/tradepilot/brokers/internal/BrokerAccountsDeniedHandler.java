package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/**
 * Runs when {@code @PreAuthorize} denies a broker-account method to a non-admin: writes the DENIED audit record
 * (action {@code BROKER_ACCOUNT_<METHOD>}, e.g. {@code BROKER_ACCOUNT_CREATE}; target the account) and denies as usual.
 */
class BrokerAccountsDeniedHandler extends DeniedMethodAudit {

    BrokerAccountsDeniedHandler(AuditLog audit) {
        super(audit, "BROKER_ACCOUNT_");
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof Long id ? "broker-account:" + id : "broker-accounts";
    }
}
