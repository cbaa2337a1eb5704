package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/**
 * Runs when {@code @PreAuthorize} denies a Kite login method: writes the DENIED audit record (action
 * {@code KITE_<METHOD>}, e.g. {@code KITE_COMPLETE_LOGIN}; target the account when the call names one) and denies as usual.
 */
class BrokersDeniedHandler extends DeniedMethodAudit {

    BrokersDeniedHandler(AuditLog audit) {
        super(audit, "KITE_");
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof Long id ? "broker-account:" + id : "kite";
    }
}
