package io.tradepilot.journal;

/**
 * Why a trade was closed, as far as the ledger knows it. The ledger records who placed the closing order
 * (a strategy, an operator's manual order, or the engine itself) and its order type; it does not record
 * which of a strategy's exit rules fired (target, trailing stop, time stop), so those are {@link #STRATEGY}.
 */
public enum ExitReason {
    /** The closing order was a stop order (a protective stop triggered). */
    STOP,
    /** An operator's manual order or position close. */
    MANUAL,
    /** The engine closed it itself: a flatten (kill switch) or an intraday square-off. */
    FLATTEN_OR_SQUARE_OFF,
    /** The strategy's own exit order (target, trailing stop, time stop or signal; the ledger does not say which). */
    STRATEGY
}
