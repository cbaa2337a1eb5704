package io.tradepilot.controls;

/** Why a control change was refused, and what kind of refusal it is. */
public enum RefusalCode {
    ALREADY_PAUSED(Kind.CONFLICT),
    NOT_PAUSED(Kind.CONFLICT),
    ALREADY_ENGAGED(Kind.CONFLICT),
    NOT_ENGAGED(Kind.CONFLICT),
    ALREADY_TRIPPED(Kind.CONFLICT),
    NOT_TRIPPED(Kind.CONFLICT),
    CONCURRENT_CHANGE(Kind.CONFLICT),
    REASON_TOO_SHORT(Kind.INVALID),
    REASON_TOO_LONG(Kind.INVALID),
    REASON_REQUIRED(Kind.INVALID),
    NOTES_REQUIRED(Kind.INVALID),
    CONFIRMATION_MISMATCH(Kind.INVALID),
    ACKNOWLEDGEMENT_REQUIRED(Kind.INVALID),
    RATE_LIMITED(Kind.RATE_LIMITED),
    STATE_UNAVAILABLE(Kind.UNAVAILABLE);

    /** The family of a refusal: the REST API maps it to 409, 422, 429 or 503. */
    public enum Kind { CONFLICT, INVALID, RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;

    RefusalCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
