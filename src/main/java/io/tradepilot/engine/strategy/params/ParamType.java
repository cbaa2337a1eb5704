package io.tradepilot.engine.strategy.params;

/** The value types a parameter can have. */
public enum ParamType {
    /** A whole number ({@code int}). */
    INTEGER,
    /** An exact decimal ({@code BigDecimal}). */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A local time {@code HH:mm}. */
    TIME,
    /** One of a fixed set of words. */
    CHOICE
}
