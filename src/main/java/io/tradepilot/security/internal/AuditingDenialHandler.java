package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;
import java.util.Map;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Runs when method security denies a user administration call: records a DENIED audit entry (the
 * method body, which audits everything else, never runs then) and denies as usual.
 */
@Component
class AuditingDenialHandler implements MethodAuthorizationDeniedHandler {

    private static final Map<String, String> ACTIONS = Map.of(
            "listUsers", "USERS_LISTED",
            "createUser", "USER_CREATED",
            "changeRole", "ROLE_CHANGED",
            "setEnabled", "USER_ENABLED_CHANGED",
            "resetPassword", "PASSWORD_RESET");

    private final AuditLog audit;

    AuditingDenialHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        Object[] args = invocation.getArguments();
        String target = args.length > 0 && args[0] instanceof String name && !name.isBlank() ? name : "users";
        audit.record(new AuditEntry(CurrentUser.username(), ACTIONS.getOrDefault(method, method), target, null,
                AuditOutcome.DENIED, "requires role ADMIN" + CurrentUser.role().map(r -> "; caller is " + r).orElse(""),
                CurrentUser.clientAddress()));
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
