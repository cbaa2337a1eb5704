package io.tradepilot.engine.strategy.threeweek;

import java.math.BigDecimal;

/**
 * Parameters of the 3WI strategy with the seed's defaults.
 *
 * @param capital         sizing capital (₹400,000): {@code qty = floor(capital x riskFraction / R)}
 * @param riskFraction    risk per trade as a fraction (0.015)
 * @param maxOpenRisk     cap on total open risk as a fraction of capital (0.06); an entry that would
 *                        exceed it is skipped
 * @param maxWeeksActive  weeks after the pattern in which a breakout may come (4)
 * @param allowShorts     trade DOWN breakouts short (default false: the seed's filters are long-only;
 *                        when true the filters are mirrored, see {@link FilterResult})
 * @param requireFilters  enter only when all four filters pass at the breakout week (true)
 */
public record ThreeWeekInsideParameters(BigDecimal capital, BigDecimal riskFraction, BigDecimal maxOpenRisk,
                                        int maxWeeksActive, boolean allowShorts, boolean requireFilters) {
    public ThreeWeekInsideParameters {
        if (capital.signum() <= 0) throw new IllegalArgumentException("capital must be positive");
        if (riskFraction.signum() <= 0 || riskFraction.compareTo(BigDecimal.ONE) >= 0) throw new IllegalArgumentException("riskFraction must be in (0, 1)");
        if (maxOpenRisk.compareTo(riskFraction) < 0) throw new IllegalArgumentException("maxOpenRisk must be at least riskFraction");
        if (maxWeeksActive < 1) throw new IllegalArgumentException("maxWeeksActive must be at least 1");
    }

    public static ThreeWeekInsideParameters defaults() {
        return new ThreeWeekInsideParameters(new BigDecimal("400000"), new BigDecimal("0.015"), new BigDecimal("0.06"), 4, false, true);
    }
}
