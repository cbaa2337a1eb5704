package io.tradepilot.runbook;

/**
 * An expected refusal of a runbook change (bad input, a state that does not allow it, an audit log that cannot be
 * written): nothing changed, and the attempt was audited.
 *
 * @see #code() a stable code: {@code INVALID_TEXT}, {@code UNKNOWN_ITEM}, {@code NOT_READY}, {@code WRONG_DAY},
 *      {@code INCIDENT_NOT_FOUND}, {@code INCIDENT_CLOSED}, {@code AUDIT_UNAVAILABLE}
 */
public final class RunbookRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public RunbookRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** The HTTP status an API would answer with. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
