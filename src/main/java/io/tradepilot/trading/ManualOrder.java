package io.tradepilot.trading;

import io.tradepilot.security.PlainText;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An order typed by a person on the ticket or the API. {@code type}: MARKET, LIMIT, STOP, STOP_LIMIT;
 * {@code timeInForce}: DAY, GTC, IOC, FOK; {@code side}: BUY or SELL. Prices are null when the type takes
 * none. {@code protectiveStop} (optional, any type) is the price at which the position the order opens would
 * be exited: it is the trade's initial risk for the heat limit and the journal's R multiple, recorded with
 * the fills; it places no order of its own. Validated by the service, never trusted.
 */
public record ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                          BigDecimal stopPrice, String timeInForce, BigDecimal protectiveStop) {

    /** An order without a protective stop. */
    public ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                       BigDecimal stopPrice, String timeInForce) {
        this(symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, null);
    }

    /** The first text field that is not plain single-line text ({@link PlainText}), named as in the REST API. */
    public Optional<PlainText.Violation> invalidText() {
        return PlainText.first(PlainText.singleLine("symbol", symbol), PlainText.singleLine("side", side),
                PlainText.singleLine("type", type), PlainText.singleLine("timeInForce", timeInForce));
    }
}
