package io.tradepilot.engine.orders;

/** How long an order stays working. */
public enum TimeInForce {
    /** Until the end of the first trading day on which the order could trade. */
    DAY,
    /** Until filled or cancelled. */
    GTC,
    /** Immediate or cancel: whatever can fill on the first bar it may trade on fills, the rest is cancelled. */
    IOC,
    /** Fill or kill: all of it on the first bar it may trade on, or nothing (the order expires). */
    FOK
}
