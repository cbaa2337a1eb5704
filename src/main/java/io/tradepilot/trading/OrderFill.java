package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution of an order as the ledger holds it: {@code seq} the ledger's fill sequence number,
 * {@code commission} all charges of the execution, {@code protectiveStop} the stop the order carried (null: none),
 * {@code filledAt} the engine (market) time.
 *
 * @param charges the commission by kind ({@link io.tradepilot.engine.domain.ChargeKind} names, in that order; they add
 *                up to {@code commission}) as the venue or its fee model itemised it; a fill that was not itemised has
 *                the one kind {@code COMMISSION}. Never empty.
 */
public record OrderFill(long seq, String orderId, String symbol, String side, BigDecimal quantity, BigDecimal price,
                        BigDecimal commission, BigDecimal protectiveStop, Instant filledAt, Map<String, BigDecimal> charges) {

    public OrderFill {
        charges = charges == null || charges.isEmpty() ? Map.of("COMMISSION", commission)
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(charges));
    }

    /** A fill that was not itemised: its commission is the one kind {@code COMMISSION}. */
    public OrderFill(long seq, String orderId, String symbol, String side, BigDecimal quantity, BigDecimal price,
                     BigDecimal commission, BigDecimal protectiveStop, Instant filledAt) {
        this(seq, orderId, symbol, side, quantity, price, commission, protectiveStop, filledAt, null);
    }
}
