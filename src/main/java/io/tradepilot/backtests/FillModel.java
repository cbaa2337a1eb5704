package io.tradepilot.backtests;

/** When a market order decided at a bar's close fills (the engine's {@code FillMode}). */
public enum FillModel {
    /** At the next bar's open: the default, and what the live engine can do. */
    NEXT_OPEN,
    /** At the deciding bar's close: optimistic, for comparison with tools that do this. */
    SAME_CLOSE
}
