package io.tradepilot.engine.broker;

/** When a market order executes. */
public enum FillMode {
    /**
     * Default and honest: an order decided at bar i's close executes at bar i+1's open, a price the
     * strategy could not have known when deciding.
     */
    NEXT_OPEN,
    /**
     * Optimistic: executes at the close of the bar on which it was decided, as if the decision and the
     * trade happened at the same instant. Overstates results; for comparison with tools that do this.
     * Only market orders fill this way, completely and without the volume cap; resting orders still
     * start on the next bar.
     */
    SAME_CLOSE
}
