package io.tradepilot.engine.portfolio;

import java.math.BigDecimal;

/** Immutable view of one position. {@code quantity} is signed; {@code stop} null when unknown. */
public record PositionSnapshot(String symbol, PositionStatus status, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                               BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal stop) {
}
