package io.tradepilot.brokers.kite;

import java.math.BigDecimal;

/** One net position as Kite reports it ({@code GET /portfolio/positions}, {@code net}): quantity signed. */
public record KitePosition(String tradingSymbol, String exchange, String product, BigDecimal quantity, BigDecimal averagePrice) { }
