package io.tradepilot.engine.orders;

/**
 * Why an order closes (part of) a position, as the one who placed it knows it: carried on {@link OrderRequest#exitTag()}
 * and the fill events to the ledger ({@code fill.exit_tag}), where the journal reads each trade's exit reason. Null on
 * an entry or when the placer did not say. Not part of the backtests' event text, so it changes no backtest.
 */
public enum ExitTag {
    /** A profit target reached (the whole rest, or a 3WI T2). */
    TARGET,
    /** Part of the position booked at a target (a partial exit, a 3WI T1). */
    PARTIAL,
    /** The protective stop (its initial level, or a stop moved to break-even). */
    STOP,
    /** A trailing stop (a stop the strategy moved after the price). */
    TRAILING,
    /** Held for the maximum time. */
    TIME,
    /** The strategy's own exit signal (e.g. trend flipped, mean reverted). */
    SIGNAL,
    /** The intraday square-off (the strategy's square-off time or the engine's end-of-day / per-symbol square-off). */
    SQUARE_OFF,
    /** The engine's flatten (kill switch). */
    FLATTEN,
    /** An operator's close of a position. */
    MANUAL
}
