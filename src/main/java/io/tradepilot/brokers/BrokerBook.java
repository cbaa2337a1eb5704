package io.tradepilot.brokers;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What a broker says the account holds at {@code asOf}: exact decimals as the broker reported them.
 *
 * @param cash          the account's cash (settled plus unsettled, as the broker books it)
 * @param positions     open positions, quantity signed (negative: short)
 * @param workingOrders orders not yet finished (accepted, partially filled)
 */
public record BrokerBook(Instant asOf, Currency currency, BigDecimal cash, List<BrokerPosition> positions,
                         List<BrokerOrder> workingOrders) {

    public BrokerBook {
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
    }

    /** A position at the broker; {@code quantity} signed. */
    public record BrokerPosition(Instrument instrument, BigDecimal quantity, BigDecimal averagePrice) { }

    /** A working order at the broker; {@code clientOrderId} null when the order was not placed by Tradepilot. */
    public record BrokerOrder(String clientOrderId, String venueOrderId, Instrument instrument, Side side,
                              BigDecimal quantity, BigDecimal filledQuantity, String status) { }

    /** A fill at the broker; {@code clientOrderId} null when the order was not placed by Tradepilot. */
    public record BrokerFill(String fillId, String clientOrderId, String venueOrderId, Instrument instrument,
                             Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at) { }
}
