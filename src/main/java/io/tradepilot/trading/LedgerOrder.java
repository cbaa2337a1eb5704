package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the ledger holds it. {@code status} is the engine's order status name
 * ({@code ACCEPTED}, {@code PARTIALLY_FILLED}, {@code FILLED}, {@code CANCELLED}, {@code EXPIRED}, ...);
 * {@code limitPrice}/{@code stopPrice} are null when the type takes none. Times are the engine's
 * (market) clock. {@code venueOrderId} is the venue's own id once the venue acknowledged the order (Alpaca's order
 * id, Kite's order_id); null at the built-in paper venue and before the acknowledgement. {@code exitTag} is why the order
 * exits ({@link io.tradepilot.engine.orders.ExitTag} name) as recorded when the engine accepted it; null on entries, when
 * not known and on orders recorded before the tag was.
 */
public record LedgerOrder(String orderId, String clientOrderId, String strategy, String symbol, String side,
                          BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                          String timeInForce, String status, BigDecimal filledQuantity, String statusReason,
                          Instant createdAt, Instant updatedAt, String venueOrderId, String exitTag) {

    /** An order without an exit tag. */
    public LedgerOrder(String orderId, String clientOrderId, String strategy, String symbol, String side,
                       BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                       String timeInForce, String status, BigDecimal filledQuantity, String statusReason,
                       Instant createdAt, Instant updatedAt, String venueOrderId) {
        this(orderId, clientOrderId, strategy, symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, status,
                filledQuantity, statusReason, createdAt, updatedAt, venueOrderId, null);
    }

    /** An order without a venue order id (the paper venue, or not acknowledged yet). */
    public LedgerOrder(String orderId, String clientOrderId, String strategy, String symbol, String side,
                       BigDecimal quantity, String type, BigDecimal limitPrice, BigDecimal stopPrice,
                       String timeInForce, String status, BigDecimal filledQuantity, String statusReason,
                       Instant createdAt, Instant updatedAt) {
        this(orderId, clientOrderId, strategy, symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, status,
                filledQuantity, statusReason, createdAt, updatedAt, null, null);
    }

    /** True while the order can still fill. */
    public boolean working() {
        return switch (status) {
            case "ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL", "CANCEL_FAILED" -> true;
            default -> false;
        };
    }
}
