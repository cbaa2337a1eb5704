package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.risk.FixedFractionalSizer;

import java.math.BigDecimal;

/** How many units an entry buys or sells, given its planned entry and stop. Zero means "do not enter". */
public interface PositionSizing {
    BigDecimal quantity(StrategyContext ctx, BigDecimal entry, BigDecimal stop);

    /** Always {@code quantity}. */
    static PositionSizing fixed(Quantity quantity) {
        return (ctx, entry, stop) -> quantity.value();
    }

    /**
     * {@code floor(equity x riskFraction / |entry - stop|)} in whole lots of the instrument ({@link
     * FixedFractionalSizer}); zero without a stop.
     */
    static PositionSizing riskFraction(BigDecimal riskFraction) {
        return (ctx, entry, stop) -> stop == null ? BigDecimal.ZERO
                : new FixedFractionalSizer(riskFraction, ctx.instrument().lotSize()).size(ctx.equity(), entry, stop);
    }
}
