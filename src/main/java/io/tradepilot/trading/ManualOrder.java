package io.tradepilot.trading;

import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.security.PlainText;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An order typed by a person on the ticket or the API. {@code type}: MARKET, LIMIT, STOP, STOP_LIMIT;
 * {@code timeInForce}: DAY, GTC, IOC, FOK; {@code side}: BUY or SELL. Prices are null when the type takes
 * none. {@code protectiveStop} (optional, any type) is the price at which the position the order opens would
 * be exited: it is the trade's initial risk for the heat limit and the journal's R multiple, recorded with
 * the fills; it places no order of its own. {@code exitTag} (optional) says why the order exits, for the journal
 * (a strategy's exit through {@link StrategyOrders}, e.g. a 3WI target or stop); recorded with the fills, no effect on
 * the order. Validated by the service, never trusted.
 */
public record ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                          BigDecimal stopPrice, String timeInForce, BigDecimal protectiveStop, ExitTag exitTag) {

    /** An order without an exit tag. */
    public ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                       BigDecimal stopPrice, String timeInForce, BigDecimal protectiveStop) {
        this(symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, null);
    }

    /** An order without a protective stop. */
    public ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                       BigDecimal stopPrice, String timeInForce) {
        this(symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, null, null);
    }

    /** This order tagged with why it exits ({@code tag} null: not said). */
    public ManualOrder withExitTag(ExitTag tag) {
        return new ManualOrder(symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, tag);
    }

    /** The first text field that is not plain single-line text ({@link PlainText}), named as in the REST API. */
    public Optional<PlainText.Violation> invalidText() {
        return PlainText.first(PlainText.singleLine("symbol", symbol), PlainText.singleLine("side", side),
                PlainText.singleLine("type", type), PlainText.singleLine("timeInForce", timeInForce));
    }
}
