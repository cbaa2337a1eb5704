package io.tradepilot.reconciliation.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;

/**
 * Writes the DENIED audit record when method security denies a reconciliation action ({@code RECONCILIATION_RUN} for
 * {@code runNow}, else {@code RECONCILIATION_<METHOD>}; target the mismatch when the call names one), then denies.
 */
class ReconciliationDeniedHandler extends DeniedMethodAudit {

    ReconciliationDeniedHandler(AuditLog audit) {
        super(audit, "RECONCILIATION_");
    }

    @Override
    protected String action(String method) {
        return "runNow".equals(method) ? ReconciliationAudit.RUN : super.action(method);
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof Long id ? "mismatch:" + id : "reconciliation";
    }
}
