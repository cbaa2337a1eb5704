package io.tradepilot.brokers.alpaca;

import java.math.BigDecimal;

/** {@code GET /v2/positions}: one open position ({@code side} long|short, {@code qty} signed as Alpaca sends it). */
public record AlpacaPosition(String symbol, String exchange, String side, BigDecimal qty, BigDecimal avgEntryPrice,
                             BigDecimal marketValue, BigDecimal unrealizedPl) {
}
