package io.tradepilot.alerts.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/** Runs when {@code @PreAuthorize} denies acknowledging an alert (a viewer): records {@code ALERT_ACKNOWLEDGE} DENIED. */
class AlertAcknowledgeDeniedHandler extends DeniedMethodAudit {

    AlertAcknowledgeDeniedHandler(AuditLog audit) {
        super(audit, "ALERT_");
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 ? "alert:" + arguments[0] : "alerts";
    }
}
