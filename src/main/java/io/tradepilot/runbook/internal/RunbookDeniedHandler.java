package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;
import io.tradepilot.security.Roles;

/**
 * Runs when method security denies a runbook change: writes the DENIED audit record ({@code RUNBOOK_<METHOD>},
 * e.g. {@code RUNBOOK_TICK}, target the call's first argument; the method body, which audits everything else, never
 * runs then) and denies as usual.
 */
class RunbookDeniedHandler extends DeniedMethodAudit {

    RunbookDeniedHandler(AuditLog audit) {
        super(audit, "RUNBOOK_", Roles.OPERATOR);
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] != null ? String.valueOf(arguments[0]) : "-";
    }
}
