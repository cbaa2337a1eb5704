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
    ENGINE_UNAVAILABLE(Kind.UNAVAILABLE),
    // PAPER/LIVE mode (io.tradepilot.controls.TradingModes)
    /** Switching to LIVE: already LIVE. */
    ALREADY_LIVE(Kind.CONFLICT),
    /** Dropping to PAPER or raising the size factor: not LIVE. */
    NOT_LIVE(Kind.CONFLICT),
    /** Switching to LIVE: paper positions are still open (close them first). */
    PAPER_POSITIONS_OPEN(Kind.CONFLICT),
    /** Switching to LIVE: no broker account is connected. */
    NO_VENUE_CONNECTED(Kind.CONFLICT),
    /** Switching to LIVE: the connected account points at the broker's paper endpoints. */
    VENUE_NOT_LIVE(Kind.CONFLICT),
    /** Switching to LIVE: the last reconciliation was not clean (or there was none). */
    RECONCILIATION_NOT_CLEAN(Kind.CONFLICT),
    /** Switching to LIVE: nobody completed the trading day's pre-flight (Runbook; {@link LivePreflight}). */
    PREFLIGHT_NOT_COMPLETE(Kind.CONFLICT),
    /** Switching to LIVE: a strategy version applied now has not reached READY_FOR_LIVE (the strategies' promotion gate). */
    VERSIONS_NOT_READY_FOR_LIVE(Kind.CONFLICT),
    /** Raising the size factor: already 100 %. */
    SIZE_FACTOR_AT_MAXIMUM(Kind.CONFLICT);

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
