package io.tradepilot.journal.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** A fill row of the ledger joined with its order's strategy and type, as the journal reads it. */
record LedgerFill(long seq, String orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                  BigDecimal price, BigDecimal commission, BigDecimal protectiveStop, Instant filledAt, String orderType,
                  String strategy) {
}
