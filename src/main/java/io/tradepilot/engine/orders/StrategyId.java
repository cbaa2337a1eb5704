package io.tradepilot.engine.orders;

import java.util.Objects;

/** Names the strategy (or the manual operator desk) an order belongs to. */
public record StrategyId(String value) {
    /** Orders placed by hand through the host application. */
    public static final StrategyId MANUAL = new StrategyId("manual");
    /** Orders the engine places itself (flatten, square-off). */
    public static final StrategyId ENGINE = new StrategyId("engine");
    /** Positions booked from the broker's book and orders sent to close them (reconciliation: adopt, close at broker). */
    public static final StrategyId RECONCILIATION = new StrategyId("reconciliation");

    public StrategyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.contains(":")) throw new IllegalArgumentException("strategy id must be non-blank and contain no ':': " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
