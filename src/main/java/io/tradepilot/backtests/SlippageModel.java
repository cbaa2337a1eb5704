package io.tradepilot.backtests;

/** Adverse price adjustment of market and stop executions: buys pay more, sells receive less. */
public enum SlippageModel {
    NONE,
    /** The value is basis points of the price. */
    BPS,
    /** The value is a whole number of ticks. */
    TICKS
}
