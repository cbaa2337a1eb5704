package io.tradepilot.security;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import java.util.Locale;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a module's method (admin-only unless the module names another role): writes
 * the DENIED audit record — action {@code <prefix><METHOD>} ({@code createChannel} → {@code ALERT_CONFIG_CREATE_CHANNEL}),
 * the target the module names for the call — and denies as usual. Each module subclasses it (one bean per class, as
 * {@code @HandleAuthorizationDenied(handlerClass = …)} finds the handler by its class).
 */
public abstract class DeniedMethodAudit implements MethodAuthorizationDeniedHandler {

    private final UserAudit audit;
    private final String actionPrefix;
    private final String requiredRole;

    protected DeniedMethodAudit(AuditLog audit, String actionPrefix) {
        this(audit, actionPrefix, Roles.ADMIN);
    }

    /** For methods open to {@code requiredRole} and above (named in the record's detail). */
    protected DeniedMethodAudit(AuditLog audit, String actionPrefix, String requiredRole) {
        this.audit = new UserAudit(audit);
        this.actionPrefix = actionPrefix;
        this.requiredRole = requiredRole;
    }

    /** The audit record's target for a denied call with {@code arguments}. */
    protected abstract String target(Object[] arguments);

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        audit.record(action(invocation.getMethod().getName()), target(invocation.getArguments()), AuditOutcome.DENIED,
                "denied by method security: requires role " + requiredRole);
        throw new AuthorizationDeniedException("Access denied", result);
    }

    /**
     * The audit action for a denied call of {@code method}: by default {@code <prefix><METHOD>}; a module whose
     * allowed calls are audited under other names returns those, so that allowed and denied attempts share an action.
     */
    protected String action(String method) {
        return actionPrefix + method.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
