package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * ALPHA-PRIME's size breaker: after {@code afterLosses} losing round trips in a row, strategies' entry
 * quantities are multiplied by {@code factor} (rounded down to whole lots) until {@code winsToRestore}
 * winning round trips in a row; exits are never reduced.
 *
 * @param afterLosses   losing round trips in a row that switch the reduction on (0: off)
 * @param factor        the multiplier for entry quantities while reduced, in (0, 1]
 * @param winsToRestore winning round trips in a row, while reduced, that switch it off again (at least 1 when on)
 */
public record LossSizeReduction(int afterLosses, BigDecimal factor, int winsToRestore) {

    /** No reduction. */
    public static final LossSizeReduction OFF = new LossSizeReduction(0, BigDecimal.ONE, 0);

    /** ALPHA-PRIME's defaults: 3 losses, half size, 2 wins. */
    public static final LossSizeReduction ALPHA_PRIME = new LossSizeReduction(3, new BigDecimal("0.5"), 2);

    public LossSizeReduction {
        Objects.requireNonNull(factor, "factor");
        if (afterLosses < 0) throw new IllegalArgumentException("afterLosses must not be negative: " + afterLosses);
        if (afterLosses > 0) {
            if (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("factor must be in (0, 1]: " + factor.toPlainString());
            }
            if (winsToRestore < 1) throw new IllegalArgumentException("winsToRestore must be at least 1: " + winsToRestore);
        }
    }

    public boolean enabled() {
        return afterLosses > 0;
    }
}
