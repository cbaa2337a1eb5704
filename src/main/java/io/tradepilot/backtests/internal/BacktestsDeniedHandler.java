package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;
import io.tradepilot.security.Roles;

/**
 * Runs when {@code @PreAuthorize} denies a submit or cancel to a viewer: writes the DENIED audit record (action
 * {@code BACKTEST_SUBMITTED} or {@code BACKTEST_CANCELLED}, as the allowed attempts) and denies as usual.
 */
class BacktestsDeniedHandler extends DeniedMethodAudit {

    BacktestsDeniedHandler(AuditLog audit) {
        super(audit, "BACKTEST_", Roles.OPERATOR);
    }

    @Override
    protected String target(Object[] arguments) {
        return arguments.length > 0 && arguments[0] instanceof Long id ? "backtest:" + id : "backtests";
    }

    @Override
    protected String action(String method) {
        return "cancel".equals(method) ? "BACKTEST_CANCELLED" : "submit".equals(method) ? "BACKTEST_SUBMITTED" : super.action(method);
    }
}
