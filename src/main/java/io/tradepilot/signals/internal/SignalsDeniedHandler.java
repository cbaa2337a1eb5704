package io.tradepilot.signals.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/**
 * Runs when {@code @PreAuthorize} denies a signal-strategy change to a non-admin: writes the DENIED audit record
 * (action {@code SIGNAL_CONFIG_<METHOD>}) and denies as usual.
 */
class SignalsDeniedHandler extends DeniedMethodAudit {

    SignalsDeniedHandler(AuditLog audit) {
        super(audit, "SIGNAL_CONFIG_");
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof String id ? "strategy:" + id : "signals";
    }
}
