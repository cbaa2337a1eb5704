package io.tradepilot.security;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import java.util.Locale;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a module's admin-only method: writes the DENIED audit record — action
 * {@code <prefix><METHOD>} ({@code createChannel} → {@code ALERT_CONFIG_CREATE_CHANNEL}), the target the module names
 * for the call — and denies as usual. Each module subclasses it (one bean per class, as
 * {@code @HandleAuthorizationDenied(handlerClass = …)} finds the handler by its class).
 */
public abstract class DeniedMethodAudit implements MethodAuthorizationDeniedHandler {

    private final UserAudit audit;
    private final String actionPrefix;

    protected DeniedMethodAudit(AuditLog audit, String actionPrefix) {
        this.audit = new UserAudit(audit);
        this.actionPrefix = actionPrefix;
    }

    /** The audit record's target for a denied call with {@code arguments}. */
    protected abstract String target(Object[] arguments);

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        audit.record(actionPrefix + method.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT),
                target(invocation.getArguments()), AuditOutcome.DENIED, "denied by method security: requires role ADMIN");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
