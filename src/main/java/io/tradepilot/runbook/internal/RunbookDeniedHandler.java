package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when method security denies a runbook change: writes the DENIED audit record ({@code RUNBOOK_<METHOD>},
 * e.g. {@code RUNBOOK_TICK}; the method body, which audits everything else, never runs then) and denies as usual.
 */
class RunbookDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final RunbookAudit audit;

    RunbookDeniedHandler(RunbookAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        Object[] args = invocation.getArguments();
        String target = args.length > 0 && args[0] != null ? String.valueOf(args[0]) : "-";
        audit.record("RUNBOOK_" + method.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT), target,
                AuditOutcome.DENIED, "denied by method security: requires role OPERATOR");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
