package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.UserAudit;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/** Writes the DENIED audit record of a trading-mode change a role may not make, then denies. */
class TradingModeDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final UserAudit audit;

    TradingModeDeniedHandler(AuditLog audit) {
        this.audit = new UserAudit(audit);
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        String action = switch (invocation.getMethod().getName()) {
            case "switchToLive" -> DefaultTradingModes.LIVE;
            case "dropToPaper" -> DefaultTradingModes.PAPER;
            default -> DefaultTradingModes.SIZE;
        };
        audit.record(action, "trading-mode", AuditOutcome.DENIED, "denied by method security for the caller's role");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
