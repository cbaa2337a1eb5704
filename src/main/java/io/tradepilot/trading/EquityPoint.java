package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The portfolio's value at one bar time (market clock). {@code drawdown} is a fraction below the peak
 * (0 at a peak); {@code dayStartEquity} is the equity the day's loss limit measures from.
 */
public record EquityPoint(Instant at, BigDecimal cash, BigDecimal equity, BigDecimal realizedPnl,
                          BigDecimal unrealizedPnl, BigDecimal drawdown, BigDecimal dayStartEquity) {
}
