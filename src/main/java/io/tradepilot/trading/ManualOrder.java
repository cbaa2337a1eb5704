package io.tradepilot.trading;

import java.math.BigDecimal;

/**
 * An order typed by a person on the ticket or the API. {@code type}: MARKET, LIMIT, STOP, STOP_LIMIT;
 * {@code timeInForce}: DAY, GTC, IOC, FOK; {@code side}: BUY or SELL. Prices are null when the type takes
 * none. Validated by the service, never trusted.
 */
public record ManualOrder(String symbol, String side, BigDecimal quantity, String type, BigDecimal limitPrice,
                          BigDecimal stopPrice, String timeInForce) {
}
