package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of an order as the ledger holds it: {@code seq} the ledger's fill sequence number,
 * {@code commission} all charges of the execution (the fee model records one amount per fill),
 * {@code protectiveStop} the stop the order carried (null: none), {@code filledAt} the engine (market) time.
 */
public record OrderFill(long seq, String orderId, String symbol, String side, BigDecimal quantity, BigDecimal price,
                        BigDecimal commission, BigDecimal protectiveStop, Instant filledAt) {
}
