package io.tradepilot.engine.risk;

import java.math.BigDecimal;

/**
 * Volatility sizing: the stop distance is {@code atrMultiple x ATR}, then as {@link FixedFractionalSizer}.
 * The ATR value is supplied by the caller (an indicator); zero ATR gives zero.
 */
public record AtrSizer(BigDecimal riskFraction, BigDecimal atrMultiple, BigDecimal lotSize, BigDecimal maxQuantity) {

    public BigDecimal size(BigDecimal equity, BigDecimal atr) {
        BigDecimal distance = atr.multiply(atrMultiple);
        return new FixedFractionalSizer(riskFraction, lotSize, maxQuantity, BigDecimal.ONE).size(equity, distance, BigDecimal.ZERO);
    }
}
