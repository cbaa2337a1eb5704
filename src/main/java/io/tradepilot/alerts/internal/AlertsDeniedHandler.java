package io.tradepilot.alerts.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies alerts configuration to a non-admin: writes the DENIED audit record
 * (action {@code ALERT_CONFIG_<METHOD>}) and denies as usual.
 */
class AlertsDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final AlertsAudit audit;

    AlertsDeniedHandler(AlertsAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        audit.record("ALERT_CONFIG_" + method.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT),
                "alerts", AuditOutcome.DENIED, "denied by method security: requires role ADMIN");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
