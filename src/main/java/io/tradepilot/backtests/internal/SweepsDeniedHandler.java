package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;
import io.tradepilot.security.Roles;

/** Writes the DENIED audit record when {@code @PreAuthorize} denies a sweep's submit or cancel to a viewer. */
class SweepsDeniedHandler extends DeniedMethodAudit {

    SweepsDeniedHandler(AuditLog audit) {
        super(audit, "SWEEP_", Roles.OPERATOR);
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof Long id ? "sweep:" + id : "sweeps";
    }

    @Override
    protected String action(String method) {
        return "cancel".equals(method) ? "SWEEP_CANCELLED" : "submit".equals(method) ? "SWEEP_SUBMITTED" : super.action(method);
    }
}
