package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;

/** The DENIED audit record of a sweep's submit or cancel ({@code SWEEP_SUBMITTED}, {@code SWEEP_CANCELLED}). */
class SweepsDeniedHandler extends SubmitCancelDenied {

    SweepsDeniedHandler(AuditLog audit) {
        super(audit, "SWEEP");
    }
}
