package io.tradepilot.brokers.alpaca;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution from {@code GET /v2/account/activities/FILL}: {@code qty} at {@code price} on order
 * {@code orderId}, after which the order counts {@code cumQty} executed ({@code type} fill|partial_fill).
 */
public record AlpacaFill(String id, String orderId, String symbol, String side, BigDecimal qty, BigDecimal cumQty,
                         BigDecimal leavesQty, BigDecimal price, Instant transactionTime, String type) {
}
