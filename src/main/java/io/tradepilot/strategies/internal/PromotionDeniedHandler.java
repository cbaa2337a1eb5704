package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a promotion or a thresholds change: writes the DENIED audit record ({@code
 * STRATEGY_PROMOTE} on {@code strategy:<id>}, {@code PROMOTION_THRESHOLDS_SAVE} on {@code promotion:thresholds}) and
 * denies as usual.
 */
class PromotionDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final ConfigAudit audit;

    PromotionDeniedHandler(ConfigAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        boolean promote = invocation.getMethod().getName().equals("promote");
        Object[] args = invocation.getArguments();
        String target = promote ? "strategy:" + (args.length > 0 && args[0] instanceof String s && TextRules.valid(s) ? s : "-") : "promotion:thresholds";
        audit.record(promote ? DefaultPromotionGate.PROMOTE : DefaultPromotionGate.THRESHOLDS_SAVE, target, AuditOutcome.DENIED,
                "denied by method security: " + invocation.getMethod().getName());
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
