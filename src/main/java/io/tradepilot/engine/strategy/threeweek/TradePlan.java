package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;

/**
 * An entry with its stop, targets and size. {@code r = |entry - stop|}; a long has {@code t1 = entry +
 * 1.5R}, {@code t2 = entry + 3R}; a short mirrors it ({@code t1 = entry - 1.5R}, {@code t2 = entry - 3R}).
 * {@code risk = quantity x r}. All exact.
 */
public record TradePlan(Side side, BigDecimal entry, BigDecimal stop, BigDecimal r, BigDecimal t1, BigDecimal t2,
                        BigDecimal quantity, BigDecimal risk) {
}
