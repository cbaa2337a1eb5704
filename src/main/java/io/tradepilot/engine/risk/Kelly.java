package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.math.MathContext;

/** The Kelly fraction. */
public final class Kelly {
    private Kelly() {}

    /**
     * {@code f = (p x W - (1 - p) x L) / W}, clamped to [0, 1]; p the win probability, W the average win,
     * L the average loss (positive). Refuses p outside [0, 1] or non-positive W or negative L.
     */
    public static BigDecimal fraction(BigDecimal p, BigDecimal averageWin, BigDecimal averageLoss) {
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        if (averageWin.signum() <= 0) throw new IllegalArgumentException("average win must be positive");
        if (averageLoss.signum() < 0) throw new IllegalArgumentException("average loss must not be negative");
        BigDecimal f = p.multiply(averageWin).subtract(BigDecimal.ONE.subtract(p).multiply(averageLoss))
                .divide(averageWin, MathContext.DECIMAL64);
        if (f.signum() < 0) return BigDecimal.ZERO;
        if (f.compareTo(BigDecimal.ONE) > 0) return BigDecimal.ONE;
        return f.stripTrailingZeros();
    }
}
