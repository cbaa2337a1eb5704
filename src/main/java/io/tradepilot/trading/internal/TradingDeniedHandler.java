package io.tradepilot.trading.internal;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a trading action: writes the DENIED audit record (the method body,
 * which audits everything else, never runs then) and denies as usual.
 */
final class TradingDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final TradingAuthorization authorization;

    TradingDeniedHandler(TradingAuthorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        TradingAuditedAs as = invocation.getMethod().getAnnotation(TradingAuditedAs.class);
        if (as != null) {
            Object[] args = invocation.getArguments();
            String target = as.targetArgument() >= 0 && as.targetArgument() < args.length && args[as.targetArgument()] != null
                    ? String.valueOf(args[as.targetArgument()]) : as.target();
            String reason = as.reasonArgument() >= 0 && as.reasonArgument() < args.length && args[as.reasonArgument()] != null
                    ? String.valueOf(args[as.reasonArgument()]) : null;
            authorization.deny(as.value(), target, reason, "denied by method security: requires role " + as.value().minimumRole());
        }
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
