package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;

/** The DENIED audit record of a backtest's submit or cancel ({@code BACKTEST_SUBMITTED}, {@code BACKTEST_CANCELLED}). */
class BacktestsDeniedHandler extends SubmitCancelDenied {

    BacktestsDeniedHandler(AuditLog audit) {
        super(audit, "BACKTEST");
    }
}
