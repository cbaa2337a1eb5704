package io.tradepilot.engine.cli;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values a numeric command-line option accepts: a lower and an upper bound (each inclusive or not)
 * and the most digits after the decimal point. Every numeric option goes through
 * {@link ParsedArgs#number(String, String, NumberRange)} with one of these, so that each refusal reads
 * the same way and names the limits.
 *
 * @param min          lower bound
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound: a bound always exists, so that no value reaches the engine's exact
 *                     arithmetic as an absurd magnitude ({@code 1e400})
 * @param maxInclusive whether {@code max} itself is allowed
 * @param maxDecimals  digits allowed after the point (trailing zeros do not count); 0 for whole numbers
 */
public record NumberRange(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, int maxDecimals) {

    public NumberRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) throw new IllegalArgumentException("min above max");
        if (maxDecimals < 0) throw new IllegalArgumentException("maxDecimals must not be negative");
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    public static NumberRange wholeNumber(long min, long max) {
        return new NumberRange(BigDecimal.valueOf(min), true, BigDecimal.valueOf(max), true, 0);
    }

    /** Numbers above zero up to {@code max} (included) with at most {@code maxDecimals} decimals. */
    public static NumberRange positive(String max, int maxDecimals) {
        return new NumberRange(BigDecimal.ZERO, false, new BigDecimal(max), true, maxDecimals);
    }

    /** Whether {@code value} lies within the bounds and has no more decimals than allowed. */
    public boolean contains(BigDecimal value) {
        int low = value.compareTo(min);
        int high = value.compareTo(max);
        if (low < 0 || (low == 0 && !minInclusive) || high > 0 || (high == 0 && !maxInclusive)) return false;
        return value.stripTrailingZeros().scale() <= maxDecimals; // bounded magnitude: the strip is cheap
    }

    /** The range in words, e.g. "a whole number from 1 to 1000000000". */
    public String describe() {
        String bounds = minInclusive && maxInclusive ? "from " + min.toPlainString() + " to " + max.toPlainString()
                : (minInclusive ? "at least " : "above ") + min.toPlainString() + (maxInclusive ? " and at most " : " and below ") + max.toPlainString();
        if (maxDecimals == 0) return "a whole number " + bounds;
        return "a number " + bounds + " with at most " + maxDecimals + (maxDecimals == 1 ? " decimal" : " decimals");
    }
}
