package io.tradepilot.controls;

/**
 * PAPER or LIVE. {@link #current()} is for everyone, the engine host included (no user needed): the host trades the
 * paper venue in PAPER and the connected broker account in LIVE, multiplying each computed order size by
 * {@link TradingModeState#sizeFactor()}. The changes are audited ({@code TRADING_MODE_LIVE}, {@code TRADING_MODE_PAPER},
 * {@code TRADING_MODE_SIZE_FACTOR}), denials included, and published as {@link TradingModeChanged}.
 */
public interface TradingModes {

    /** The phrase an admin types to switch to LIVE. */
    String CONFIRMATION = "CONFIRM LIVE TRADING";

    /** The mode now, from the database (the default PAPER when it cannot be read: fail safe). */
    TradingModeState current();

    /**
     * Switches to LIVE at the smallest size factor (0.10). Admin only; {@code confirmation} must be exactly
     * {@value #CONFIRMATION}; refused while paper positions are open, without a connected venue whose account is live,
     * or after a reconciliation that was not clean ({@link LiveModePreconditions}), and until someone completed the trading
     * day's pre-flight ({@link LivePreflight}). Recorded before it is made; each refusal is recorded FAILED with its code.
     *
     * @throws TradingModeRefusal {@code CONFIRMATION_MISMATCH}, {@code ALREADY_LIVE}, {@code PAPER_POSITIONS_OPEN},
     *                            {@code NO_VENUE_CONNECTED}, {@code VENUE_NOT_LIVE}, {@code RECONCILIATION_NOT_CLEAN},
     *                            {@code PREFLIGHT_NOT_COMPLETE}, {@code INVALID_TEXT}, {@code AUDIT_UNAVAILABLE}
     */
    TradingModeState switchToLive(String confirmation, String reason);

    /**
     * Back to PAPER at once. Operator or admin; applied even when the audit log cannot be written (it makes trading
     * safer; the record follows through the audit spool).
     *
     * @throws TradingModeRefusal {@code NOT_LIVE}, {@code INVALID_TEXT}
     */
    TradingModeState dropToPaper(String reason);

    /**
     * Raises the LIVE size factor one step (0.10 → 0.25 → 0.50 → 1.00). Admin only; recorded before it is made.
     *
     * @throws TradingModeRefusal {@code NOT_LIVE}, {@code SIZE_FACTOR_AT_MAXIMUM}, {@code INVALID_TEXT}, {@code AUDIT_UNAVAILABLE}
     */
    TradingModeState raiseSizeFactor(String reason);
}
