package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;

import java.time.Instant;

/**
 * An immutable snapshot of an {@link Order}. {@code averageFillPrice} is null before the first fill,
 * {@code venueOrderId} until the venue acknowledged the order (always for the paper broker).
 */
public record OrderView(OrderId id, OrderRequest request, OrderStatus status, Quantity filled, Price averageFillPrice,
                        String statusReason, Instant createdAt, String venueOrderId) {
}
