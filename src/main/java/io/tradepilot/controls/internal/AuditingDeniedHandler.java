package io.tradepilot.controls.internal;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a control method: writes the DENIED audit record (the
 * method body, which audits everything else, never runs in that case) and then denies as usual.
 */
public final class AuditingDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final ControlAuthorization authorization;

    public AuditingDeniedHandler(ControlAuthorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        AuditedAs auditedAs = invocation.getMethod().getAnnotation(AuditedAs.class);
        if (auditedAs != null) {
            Object[] args = invocation.getArguments();
            String reason = args.length > 0 && args[0] != null ? args[0].toString() : "";
            authorization.deny(auditedAs.value(), reason, "denied by method security: requires role "
                    + auditedAs.value().minimumRole());
        }
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
