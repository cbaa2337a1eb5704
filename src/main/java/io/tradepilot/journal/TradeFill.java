package io.tradepilot.journal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill as it belongs to a trade. A reversing fill belongs to two trades: its closing part to the old one,
 * its opening part to the new one, each with its share of the fill's quantity and commission (pro rata, the
 * engine's rule), so that a trade's fills add up to its fees exactly.
 *
 * @param seq            the ledger's fill sequence number
 * @param role           ENTRY (opens or adds) or EXIT (reduces or closes)
 * @param quantity       the part of the fill's quantity belonging to this trade (positive)
 * @param commission     the part of the fill's commission belonging to this trade
 * @param protectiveStop the stop the order carried, or null
 * @param orderType      the order's type (MARKET, LIMIT, STOP, STOP_LIMIT)
 * @param strategy       the strategy (or {@code manual}, {@code engine}) that placed the order
 */
public record TradeFill(long seq, String orderId, String clientOrderId, Instant time, String side, Role role,
                        BigDecimal quantity, BigDecimal price, BigDecimal commission, BigDecimal protectiveStop,
                        String orderType, String strategy) {

    /** Whether a fill opened/added to the trade or reduced/closed it. */
    public enum Role { ENTRY, EXIT }
}
