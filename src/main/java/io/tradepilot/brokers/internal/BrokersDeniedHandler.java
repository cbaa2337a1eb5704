package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

import java.util.Locale;

/**
 * Runs when {@code @PreAuthorize} denies a brokers method (the Kite login): writes the DENIED audit record (action
 * {@code KITE_<METHOD>}, e.g. {@code KITE_COMPLETE_LOGIN}) and denies as usual.
 */
class BrokersDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final BrokersAudit audit;

    BrokersDeniedHandler(BrokersAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        audit.record("KITE_" + method, "kite", AuditOutcome.DENIED, "denied by method security: requires role ADMIN");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
