package io.tradepilot.runbook;

import io.tradepilot.base.problem.Refusal;

/**
 * An expected refusal of a runbook change (bad input, a state that does not allow it, an audit log that cannot be
 * written): nothing changed, and the attempt was audited. Over REST it is the problem detail itself.
 *
 * @see #code() a stable code: {@code INVALID_PARAMETER}, {@code INVALID_TEXT}, {@code TEXT_TOO_SHORT}, {@code TEXT_TOO_LONG}, {@code UNKNOWN_ITEM}, {@code NOT_READY},
 *      {@code WRONG_DAY}, {@code INCIDENT_NOT_FOUND}, {@code INCIDENT_CLOSED}, {@code AUDIT_UNAVAILABLE}
 */
public final class RunbookRefusal extends Refusal {

    public RunbookRefusal(int status, String code, String field, String message) {
        super(status, code, field, message);
    }
}
