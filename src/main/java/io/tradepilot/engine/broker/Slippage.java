package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;

/** Adverse price adjustment for market and stop executions: buys pay more, sells receive less. */
public sealed interface Slippage {

    Slippage NONE = new Bps(BigDecimal.ZERO);

    BigDecimal apply(Side side, BigDecimal price, BigDecimal tickSize);

    /** {@code price x (1 ± bps / 10,000)}, exact. */
    record Bps(BigDecimal bps) implements Slippage {
        @Override
        public BigDecimal apply(Side side, BigDecimal price, BigDecimal tickSize) {
            if (bps.signum() == 0) return price;
            BigDecimal delta = price.multiply(bps).movePointLeft(4);
            return side == Side.BUY ? price.add(delta) : price.subtract(delta);
        }
    }

    /** {@code price ± ticks x tickSize}. */
    record Ticks(int ticks) implements Slippage {
        @Override
        public BigDecimal apply(Side side, BigDecimal price, BigDecimal tickSize) {
            BigDecimal delta = tickSize.multiply(BigDecimal.valueOf(ticks));
            return side == Side.BUY ? price.add(delta) : price.subtract(delta);
        }
    }
}
