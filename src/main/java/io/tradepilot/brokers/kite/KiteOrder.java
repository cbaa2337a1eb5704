package io.tradepilot.brokers.kite;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as Kite reports it ({@code GET /orders}, {@code GET /orders/{id}}, the ticker's order updates): exact
 * decimals, quantities cumulative ({@code filledQuantity}) with {@code averagePrice} over all fills so far.
 *
 * @param status Kite's status: {@code OPEN}, {@code COMPLETE}, {@code CANCELLED}, {@code REJECTED},
 *               {@code TRIGGER PENDING}, {@code UPDATE} (order updates of a partial fill) or a transient one
 *               ({@code PUT ORDER REQ RECEIVED}, {@code VALIDATION PENDING}, {@code OPEN PENDING}, {@code MODIFY PENDING}, …)
 */
public record KiteOrder(String orderId, String tag, String status, String statusMessage, String tradingSymbol,
                        String exchange, String transactionType, String orderType, String product, BigDecimal quantity,
                        BigDecimal filledQuantity, BigDecimal pendingQuantity, BigDecimal averagePrice, BigDecimal price,
                        BigDecimal triggerPrice, Instant orderTimestamp, Instant exchangeUpdateTimestamp) {

    /** Whether Kite has finished with the order. */
    public boolean ended() {
        return "COMPLETE".equals(status) || "CANCELLED".equals(status) || "REJECTED".equals(status);
    }

    /** Whether the order works at the exchange (accepted, not ended). */
    public boolean working() {
        return "OPEN".equals(status) || "TRIGGER PENDING".equals(status) || "UPDATE".equals(status)
                || "MODIFY PENDING".equals(status) || "MODIFIED".equals(status) || "CANCEL PENDING".equals(status)
                || "AMO REQ RECEIVED".equals(status);
    }
}
