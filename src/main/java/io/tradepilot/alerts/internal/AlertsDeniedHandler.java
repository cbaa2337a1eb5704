package io.tradepilot.alerts.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/**
 * Runs when {@code @PreAuthorize} denies alerts configuration to a non-admin: writes the DENIED audit record
 * (action {@code ALERT_CONFIG_<METHOD>}) and denies as usual.
 */
class AlertsDeniedHandler extends DeniedMethodAudit {

    AlertsDeniedHandler(AuditLog audit) {
        super(audit, "ALERT_CONFIG_");
    }

    @Override
    protected String target(Object[] arguments) {
        return "alerts";
    }
}
