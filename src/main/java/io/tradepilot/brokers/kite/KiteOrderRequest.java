package io.tradepilot.brokers.kite;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * A regular-variety Kite order as sent: the engine's {@link OrderRequest} in Kite's words.
 *
 * @param orderType {@code MARKET}, {@code LIMIT}, {@code SL} (stop-limit), {@code SL-M} (stop-market)
 * @param validity  {@code DAY} or {@code IOC}
 * @param tag       the adapter's short form of the engine's client order id ({@link KiteTag})
 */
public record KiteOrderRequest(String tradingSymbol, String exchange, String transactionType, String orderType,
                               BigDecimal quantity, String product, String validity, BigDecimal price,
                               BigDecimal triggerPrice, String tag) {

    /**
     * The engine's request as a Kite order with {@code product} (CNC or MIS). Kite's regular orders live for the day:
     * {@code DAY} and {@code GTC} are sent as {@code DAY} (an order still working at the close is cancelled by Kite),
     * {@code IOC} as {@code IOC}; {@code FOK} is refused ({@link IllegalArgumentException}), as Kite has none.
     */
    public static KiteOrderRequest of(OrderRequest r, String product) {
        String type = switch (r.type()) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP -> "SL-M";
            case STOP_LIMIT -> "SL";
        };
        String validity = switch (r.timeInForce()) {
            case DAY, GTC -> "DAY";
            case IOC -> "IOC";
            case FOK -> throw new IllegalArgumentException("Kite has no fill-or-kill orders");
        };
        return new KiteOrderRequest(r.instrument().symbol(), r.instrument().exchange(), r.side().name(), type,
                r.quantity().value(), product, validity,
                r.limitPrice() == null ? null : r.limitPrice().value(),
                r.stopPrice() == null ? null : r.stopPrice().value(),
                KiteTag.of(r.clientOrderId()));
    }
}
