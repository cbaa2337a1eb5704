package io.tradepilot.engine.strategy.library;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turning indicator doubles into exact stop prices on the bar's scale. */
final class Prices {
    private Prices() {
    }

    /** {@code value} rounded to {@code decimals} away from the entry: down for a long's stop, up for a short's. */
    static BigDecimal stop(double value, int decimals, boolean longTrade) {
        return new BigDecimal(Double.toString(value)).setScale(decimals, longTrade ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** {@code price x (1 ∓ percent/100)}, exact, then rounded to {@code decimals} away from the entry. */
    static BigDecimal percentStop(BigDecimal price, BigDecimal percent, int decimals, boolean longTrade) {
        BigDecimal f = BigDecimal.ONE.add((longTrade ? percent.negate() : percent).movePointLeft(2));
        return price.multiply(f).setScale(decimals, longTrade ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }
}
