package io.tradepilot.engine.orders;

import java.util.Objects;

/** The engine's id for an order, assigned by an injected {@link OrderIdGenerator}. */
public record OrderId(String value) {
    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("order id must not be blank");
    }

    @Override
    public String toString() {
        return value;
    }
}
