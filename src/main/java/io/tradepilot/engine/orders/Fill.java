package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;

import java.time.Instant;
import java.util.Objects;

/**
 * An execution: {@code quantity} of {@code instrument} traded at {@code price} at {@code time}, costing
 * {@code commission} (all charges of this execution). {@code protectiveStop} carries the order's known
 * stop, if any, for open-risk and R accounting.
 */
public record Fill(OrderId orderId, ClientOrderId clientOrderId, Instrument instrument, Side side, Quantity quantity,
                   Price price, Money commission, Instant time, Price protectiveStop) {
    public Fill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(time, "time");
        if (quantity.isZero()) throw new IllegalArgumentException("a fill has a positive quantity");
        if (!commission.currency().equals(instrument.currency())) throw new IllegalArgumentException("commission currency differs from the instrument's");
    }
}
