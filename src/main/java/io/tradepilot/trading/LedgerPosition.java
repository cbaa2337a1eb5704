package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position as the ledger holds it: signed {@code quantity} (negative: short), average entry price,
 * cumulative average-cost realized P&L of the symbol (gross of fees). Exact decimals.
 */
public record LedgerPosition(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal realizedPnl,
                             Instant updatedAt) {
}
