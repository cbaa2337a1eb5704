package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;

/**
 * Charges for one execution, in the instrument's currency, never negative.
 * {@code firstFillOfOrder} lets per-order charges be taken once per order across partial fills.
 */
@FunctionalInterface
public interface CommissionModel {
    BigDecimal charges(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder);

    /**
     * The same charges by kind, their total equal to {@link #charges} exactly; null from a model that knows no kinds
     * (this default: percent of notional, per share, flat), whose executions then report one unitemised commission.
     */
    default Charges itemised(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder) {
        return null;
    }

    CommissionModel NONE = (side, q, p, first) -> BigDecimal.ZERO;

    /** {@code percent} of notional: {@code percentOfNotional(new BigDecimal("0.1"))} is 0.1 %. */
    static CommissionModel percentOfNotional(BigDecimal percent) {
        BigDecimal fraction = percent.movePointLeft(2);
        return (side, q, p, first) -> q.multiply(p).multiply(fraction);
    }

    /** {@code perUnit} per share/unit, at least {@code minimumPerOrder} on the order's first fill. */
    static CommissionModel perShare(BigDecimal perUnit, BigDecimal minimumPerOrder) {
        return (side, q, p, first) -> {
            BigDecimal c = q.multiply(perUnit);
            return first ? c.max(minimumPerOrder) : c;
        };
    }

    /** A flat amount per order, charged on its first fill. */
    static CommissionModel flatPerOrder(BigDecimal amount) {
        return (side, q, p, first) -> first ? amount : BigDecimal.ZERO;
    }
}
