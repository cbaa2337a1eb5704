package io.tradepilot.journal.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fill row of the ledger joined with its order's strategy and type, as the journal reads it. {@code exitTag}: the
 * fill's {@code exit_tag} (an {@link io.tradepilot.engine.orders.ExitTag} name, or null).
 */
record LedgerFill(long seq, String orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                  BigDecimal price, BigDecimal commission, BigDecimal protectiveStop, Instant filledAt, String orderType,
                  String strategy, String exitTag) {

    /** A fill without an exit tag. */
    LedgerFill(long seq, String orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
               BigDecimal price, BigDecimal commission, BigDecimal protectiveStop, Instant filledAt, String orderType,
               String strategy) {
        this(seq, orderId, clientOrderId, symbol, side, quantity, price, commission, protectiveStop, filledAt, orderType, strategy, null);
    }
}
