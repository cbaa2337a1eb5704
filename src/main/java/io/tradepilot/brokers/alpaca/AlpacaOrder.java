package io.tradepilot.brokers.alpaca;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An Alpaca order as the trading API and the {@code trade_updates} stream describe it (the fields the adapter
 * uses). Quantities and prices are exact decimals from Alpaca's decimal strings.
 *
 * @param status Alpaca's order status: {@code new, partially_filled, filled, done_for_day, canceled, expired,
 *               replaced, pending_cancel, pending_replace, accepted, pending_new, accepted_for_bidding, stopped,
 *               rejected, suspended, calculated, held}
 * @param filledQty      what Alpaca counts as executed (cumulative)
 * @param filledAvgPrice the average price of the executions, null before any
 * @param replacedBy     the id of the order that replaced this one, null unless {@code replaced}
 */
public record AlpacaOrder(String id, String clientOrderId, String symbol, String side, String type, String timeInForce,
                          String status, BigDecimal qty, BigDecimal filledQty, BigDecimal filledAvgPrice,
                          BigDecimal limitPrice, BigDecimal stopPrice, Instant createdAt, Instant submittedAt,
                          Instant updatedAt, String replacedBy) {

    /** Alpaca will not execute any more of it. */
    public boolean ended() {
        return switch (status) {
            case "filled", "canceled", "expired", "rejected", "replaced" -> true;
            default -> false;
        };
    }
}
