package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a configuration change: writes the DENIED audit record (the method body,
 * which audits everything else, never runs then) and denies as usual. The action is named after the method
 * ({@code apply} → *_APPLY, everything else → *_SAVE), the target after its first argument; the promotion gate's
 * denials are named by {@link DefaultPromotionGate#denied}; a universe's are {@code UNIVERSE_DELETE} for
 * {@code delete}, {@code UNIVERSE_SAVE} otherwise, on {@code universe:<name>}.
 */
class StrategiesDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final ConfigAudit audit;

    StrategiesDeniedHandler(ConfigAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        if (invocation.getThis() instanceof DefaultPromotionGate) {
            DefaultPromotionGate.denied(audit, invocation);
            throw new AuthorizationDeniedException("Access denied", result);
        }
        if (invocation.getThis() instanceof DefaultUniverses) {
            Object[] args = invocation.getArguments();
            String action = invocation.getMethod().getName().equals("delete") ? DefaultUniverses.DELETE : DefaultUniverses.SAVE;
            audit.record(action, "universe:" + (args.length > 0 && args[0] instanceof String s && TextRules.plain(s) ? s : "-"),
                    AuditOutcome.DENIED, "denied by method security: " + invocation.getMethod().getName());
            throw new AuthorizationDeniedException("Access denied", result);
        }
        boolean risk = invocation.getThis() instanceof DefaultRiskSettings;
        boolean apply = invocation.getMethod().getName().equals("apply");
        String action = risk ? (apply ? ConfigAudit.RISK_APPLY : ConfigAudit.RISK_SAVE) : (apply ? ConfigAudit.STRATEGY_APPLY : ConfigAudit.STRATEGY_SAVE);
        Object[] args = invocation.getArguments();
        String target = risk ? "risk:limits" : "strategy:" + (args.length > 0 && args[0] instanceof String s ? s : "-");
        audit.record(action, target, AuditOutcome.DENIED, "denied by method security: " + invocation.getMethod().getName());
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
