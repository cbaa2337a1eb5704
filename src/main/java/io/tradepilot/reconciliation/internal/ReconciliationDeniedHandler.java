package io.tradepilot.reconciliation.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

import java.util.Locale;

/** Writes the DENIED audit record ({@code RECONCILIATION_<METHOD>}) when method security denies an action, then denies. */
class ReconciliationDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final ReconciliationAudit audit;

    ReconciliationDeniedHandler(ReconciliationAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        String action = switch (method) {
            case "runNow" -> ReconciliationAudit.RUN;
            default -> "RECONCILIATION_" + method.toUpperCase(Locale.ROOT);
        };
        Object[] args = invocation.getArguments();
        String target = args.length > 0 && args[0] instanceof Long id ? "mismatch:" + id : "reconciliation";
        audit.record(action, target, AuditOutcome.DENIED, "denied by method security: requires role ADMIN");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
