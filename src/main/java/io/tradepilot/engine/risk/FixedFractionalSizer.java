package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * {@code qty = floor(equity x riskFraction x multiplier / |entry - stop| / lot) x lot}, capped at
 * {@code maxQuantity} (rounded down to whole lots) when given. Works the same for longs (stop below) and
 * shorts (stop above): only the distance matters. A zero distance is refused (returns zero) rather than
 * exploding, unlike the seed's {@code max(entry - stop, 0.01)}.
 *
 * @param multiplier scales the risk (e.g. 0.5 after a losing streak, "plan" factor); 1 normally
 * @param maxQuantity null for no cap
 */
public record FixedFractionalSizer(BigDecimal riskFraction, BigDecimal lotSize, BigDecimal maxQuantity, BigDecimal multiplier) {

    public FixedFractionalSizer {
        Objects.requireNonNull(riskFraction, "riskFraction");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(multiplier, "multiplier");
        if (riskFraction.signum() <= 0) throw new IllegalArgumentException("risk fraction must be positive");
        if (lotSize.signum() <= 0) throw new IllegalArgumentException("lot size must be positive");
    }

    public FixedFractionalSizer(BigDecimal riskFraction, BigDecimal lotSize) {
        this(riskFraction, lotSize, null, BigDecimal.ONE);
    }

    /** Units to trade; zero when the risk budget does not buy one lot or entry equals stop. */
    public BigDecimal size(BigDecimal equity, BigDecimal entry, BigDecimal stop) {
        BigDecimal distance = entry.subtract(stop).abs();
        if (distance.signum() == 0 || equity.signum() <= 0) return BigDecimal.ZERO;
        BigDecimal budget = equity.multiply(riskFraction).multiply(multiplier);
        BigDecimal lots = budget.divide(distance.multiply(lotSize), 0, RoundingMode.FLOOR);
        if (maxQuantity != null) lots = lots.min(maxQuantity.divide(lotSize, 0, RoundingMode.FLOOR));
        return lots.max(BigDecimal.ZERO).multiply(lotSize);
    }
}
