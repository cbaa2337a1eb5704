package io.tradepilot.engine.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-negative exact price in the instrument's currency. Equality ignores trailing zeros (100.0 equals 100). */
public record Price(BigDecimal value) implements Comparable<Price> {

    public static final Price ZERO = new Price(BigDecimal.ZERO);

    public Price {
        Objects.requireNonNull(value, "price");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + value.toPlainString());
        }
    }

    public static Price of(String value) {
        return new Price(new BigDecimal(value));
    }

    public static Price of(long value) {
        return new Price(BigDecimal.valueOf(value));
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Price p && value.compareTo(p.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
