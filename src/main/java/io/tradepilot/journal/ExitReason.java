package io.tradepilot.journal;

/**
 * Why a trade was closed: the exit tag the closing order carried ({@code fill.exit_tag}, set by whoever placed it: the
 * engine's exit manager, the engine's flatten and square-off, a 3WI setup's exit), else what the ledger knows of the
 * closing order (who placed it and its type). The last two values are for orders that carried no tag (fills recorded
 * before tags existed, or a strategy that does not say).
 */
public enum ExitReason {
    /** A profit target reached (the rest of the position). */
    TARGET,
    /** A partial booking at a target that took the rest of the position. */
    PARTIAL,
    /** The protective stop (initial or moved to break-even), or a stop order whose purpose was not said. */
    STOP,
    /** A trailing stop. */
    TRAILING,
    /** Held for the maximum time. */
    TIME,
    /** The strategy's own exit signal (e.g. trend flipped, mean reverted). */
    SIGNAL,
    /** The intraday square-off (the strategy's square-off time, the engine's end-of-day or per-symbol square-off). */
    SQUARE_OFF,
    /** The engine's flatten (kill switch). */
    FLATTEN,
    /** An operator's manual order or position close. */
    MANUAL,
    /** Untagged (before exit tags): the engine closed it, a flatten or a square-off (not told apart). */
    FLATTEN_OR_SQUARE_OFF,
    /** Untagged: the strategy's own exit order, which did not say why (target, trailing, time or signal). */
    STRATEGY
}
