package io.tradepilot.brokers.alpaca;

import java.math.BigDecimal;

/** {@code GET /v2/account}: the fields the platform reads. Amounts exact. */
public record AlpacaAccount(String id, String accountNumber, String status, String currency, BigDecimal cash,
                            BigDecimal buyingPower, BigDecimal equity, boolean tradingBlocked) {
}
