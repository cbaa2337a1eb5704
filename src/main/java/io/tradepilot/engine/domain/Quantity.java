package io.tradepilot.engine.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A non-negative exact quantity of an instrument (shares, units). Direction lives in {@link Side}. */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "quantity");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
        }
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value));
    }

    public static Quantity of(String value) {
        return new Quantity(new BigDecimal(value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    /** Refuses a result below zero. */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
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
