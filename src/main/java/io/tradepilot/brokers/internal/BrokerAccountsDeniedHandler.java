package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditOutcome;
import java.util.Locale;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a broker-account method to a non-admin: writes the DENIED audit record
 * (action {@code BROKER_ACCOUNT_<METHOD>}, e.g. {@code BROKER_ACCOUNT_CREATE}) and denies as usual.
 */
class BrokerAccountsDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final BrokerAccountsAudit audit;

    BrokerAccountsDeniedHandler(BrokerAccountsAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String method = invocation.getMethod().getName();
        Object[] args = invocation.getArguments();
        String target = args.length > 0 && args[0] instanceof Long id ? "broker-account:" + id : "broker-accounts";
        audit.record("BROKER_ACCOUNT_" + method.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT),
                target, AuditOutcome.DENIED, "denied by method security: requires role ADMIN");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
