package io.tradepilot.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param charges        this trade's part of the commission by kind ({@link io.tradepilot.engine.domain.ChargeKind}
 *                       names, in that order), adding up to {@code commission} exactly; a fill the venue or fee model
 *                       did not itemise (or one read without its kinds) has the one kind {@code COMMISSION}. Never empty.
 */
public record TradeFill(long seq, String orderId, String clientOrderId, Instant time, String side, Role role,
                        BigDecimal quantity, BigDecimal price, BigDecimal commission, BigDecimal protectiveStop,
                        String orderType, String strategy, Map<String, BigDecimal> charges) {

    /** The kind of a commission that was not itemised. */
    public static final String UNITEMISED = "COMMISSION";

    public TradeFill {
        charges = charges == null || charges.isEmpty() ? Map.of(UNITEMISED, commission)
                : Collections.unmodifiableMap(new LinkedHashMap<>(charges));
    }

    /** A fill whose commission is not (yet) broken down by kind. */
    public TradeFill(long seq, String orderId, String clientOrderId, Instant time, String side, Role role,
                     BigDecimal quantity, BigDecimal price, BigDecimal commission, BigDecimal protectiveStop,
                     String orderType, String strategy) {
        this(seq, orderId, clientOrderId, time, side, role, quantity, price, commission, protectiveStop, orderType, strategy, null);
    }

    /** This fill with its part of the commission by kind. */
    public TradeFill withCharges(Map<String, BigDecimal> byKind) {
        return new TradeFill(seq, orderId, clientOrderId, time, side, role, quantity, price, commission, protectiveStop,
                orderType, strategy, byKind);
    }

    /** Whether a fill opened/added to the trade or reduced/closed it. */
    public enum Role { ENTRY, EXIT }
}
