package io.tradepilot.engine.venue;

import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;

import java.util.Objects;

/**
 * An order as the engine hands it to a venue: accepted by the engine's checks and already recorded
 * (write-ahead), identified at the venue by its deterministic {@link #clientOrderId()}.
 *
 * @param orderId      the engine's id
 * @param request      what to execute (instrument with exchange, tick and lot; side; quantity; type; prices; time in force)
 * @param venueOrderId the venue's id once it acknowledged the order ({@link ExecutionReport.VenueAccepted}), else null
 * @param filled       the quantity the engine knows to be executed (zero for a new submission)
 */
public record VenueOrder(OrderId orderId, OrderRequest request, String venueOrderId, Quantity filled) {
    public VenueOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(filled, "filled");
    }

    /** The id the venue knows the order by: the engine's deterministic client order id. */
    public ClientOrderId clientOrderId() {
        return request.clientOrderId();
    }
}
