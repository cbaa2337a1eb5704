package io.tradepilot.brokers.kite;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution as Kite reports it ({@code GET /trades}): exact decimals, the fill's own quantity and price. */
public record KiteTrade(String tradeId, String orderId, String tradingSymbol, String exchange, String transactionType,
                        String product, BigDecimal quantity, BigDecimal averagePrice, Instant fillTimestamp) { }
