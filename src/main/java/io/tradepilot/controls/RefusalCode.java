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
    STATE_UNAVAILABLE(Kind.UNAVAILABLE),
    /** A text field holds a control character or a broken one ({@link io.tradepilot.security.PlainText}); the refusal names the field. */
    INVALID_TEXT(Kind.INVALID),
    /** The audit log cannot record the change before it is made, so it was not made (it makes trading no safer). */
    AUDIT_UNAVAILABLE(Kind.UNAVAILABLE),
    // manual trading actions (io.tradepilot.trading.TradingActions, StrategyControls)
    /** The order, position or strategy named does not exist (or is not open). */
    NOT_FOUND(Kind.NOT_FOUND),
    /** The order can no longer be cancelled (filled, cancelled, expired). */
    NOT_WORKING(Kind.CONFLICT),
    /** Nothing to cancel or close. */
    NOTHING_TO_DO(Kind.CONFLICT),
    /** The kill switch is engaged: no new orders (flatten stays possible). */
    KILL_SWITCH_ENGAGED(Kind.CONFLICT),
    /** Paused or circuit breaker tripped: the order would open or increase a position. */
    TRADING_BLOCKED(Kind.CONFLICT),
    /** A pre-trade risk limit (or the strategy switch) refuses the order. */
    RISK_REJECTED(Kind.INVALID),
    /** The order itself is malformed: unknown symbol, side, type or time in force, bad quantity or prices. */
    INVALID_ORDER(Kind.INVALID),
    ALREADY_ACTIVE(Kind.CONFLICT),
    ALREADY_INACTIVE(Kind.CONFLICT),
    /** This instance does not run the engine (a standby), or the engine did not answer in time. */
    ENGINE_UNAVAILABLE(Kind.UNAVAILABLE);

    /** The family of a refusal: the REST API maps it to 404, 409, 422, 429 or 503 ({@link RefusalProblems}). */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, RATE_LIMITED, UNAVAILABLE }

    private final Kind kind;

    RefusalCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
