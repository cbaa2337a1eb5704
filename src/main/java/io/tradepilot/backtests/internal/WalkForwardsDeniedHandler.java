package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;

/** The DENIED audit record of a walk-forward's submit or cancel ({@code WALKFORWARD_SUBMITTED}, {@code WALKFORWARD_CANCELLED}). */
class WalkForwardsDeniedHandler extends SubmitCancelDenied {

    WalkForwardsDeniedHandler(AuditLog audit) {
        super(audit, "WALKFORWARD");
    }
}
