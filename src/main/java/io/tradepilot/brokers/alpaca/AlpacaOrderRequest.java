package io.tradepilot.brokers.alpaca;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * The body of {@code POST /v2/orders} for a simple equity order: {@code client_order_id, symbol, qty, side
 * (buy|sell), type (market|limit|stop|stop_limit), time_in_force (day|gtc|ioc|fok), limit_price, stop_price}, amounts
 * sent as decimal strings.
 */
public record AlpacaOrderRequest(String clientOrderId, String symbol, BigDecimal qty, String side, String type,
                                 String timeInForce, BigDecimal limitPrice, BigDecimal stopPrice) {

    /** Alpaca accepts client order ids of at most 128 characters. */
    public static final int MAX_CLIENT_ORDER_ID = 128;

    public AlpacaOrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(qty, "qty");
        if (clientOrderId.length() > MAX_CLIENT_ORDER_ID) {
            throw new IllegalArgumentException("Alpaca client order ids have at most " + MAX_CLIENT_ORDER_ID + " characters");
        }
    }

    /** The engine's order as Alpaca's request, with the engine's client order id. */
    public static AlpacaOrderRequest of(OrderRequest r) {
        return new AlpacaOrderRequest(r.clientOrderId().value(), r.symbol(), r.quantity().value(),
                r.side().name().toLowerCase(Locale.ROOT), r.type().name().toLowerCase(Locale.ROOT),
                r.timeInForce().name().toLowerCase(Locale.ROOT),
                r.limitPrice() == null ? null : r.limitPrice().value(), r.stopPrice() == null ? null : r.stopPrice().value());
    }
}
