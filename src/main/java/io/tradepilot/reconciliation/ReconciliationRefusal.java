package io.tradepilot.reconciliation;

import io.tradepilot.base.problem.Refusal;

/**
 * A reconciliation action refused, with its HTTP status and a stable code owned by this module:
 * {@code MISMATCH_NOT_FOUND} (404), {@code ALREADY_RESOLVED} (409), {@code NOT_A_POSITION} (409: only position
 * differences are adopted or closed), {@code NO_VENUE} (409), {@code REASON_TOO_SHORT}, {@code REASON_TOO_LONG} and
 * {@code INVALID_TEXT} (422), {@code ENGINE_UNAVAILABLE} (503: no engine or venue on this instance took it),
 * {@code AUDIT_UNAVAILABLE} (503).
 */
public final class ReconciliationRefusal extends Refusal {

    public ReconciliationRefusal(int status, String code, String message) {
        super(status, code, null, message);
    }
}
