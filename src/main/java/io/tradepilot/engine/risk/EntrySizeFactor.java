package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The fraction of each strategy-computed entry that is sent: the host's LIVE size factor (0.10 → 0.25 → 0.50 → 1.00
 * while real money is new), 1 everywhere else (backtests, PAPER). Applied by the engine to the part of a strategy's
 * order that opens or adds to a position, rounded down to whole lots; the part that closes a position, the engine's
 * own closing orders and manual orders are never scaled (an exit must always close what is held).
 *
 * <p>Single writer: set and read on the engine's writer thread.
 */
public final class EntrySizeFactor {

    private BigDecimal factor = BigDecimal.ONE;

    /**
     * Sets the factor; refuses (IllegalArgumentException) one that is not above 0 and at most 1.
     */
    public void set(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        if (factor.signum() <= 0 || factor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a size factor is above 0 and at most 1, not " + factor.toPlainString());
        }
        this.factor = factor;
    }

    /** The factor now (1: entries are sent as computed). */
    public BigDecimal factor() {
        return factor;
    }

    /** Whether entries are scaled now (the factor is below 1). */
    public boolean scales() {
        return factor.compareTo(BigDecimal.ONE) < 0;
    }

    /** {@code entry} × the factor, rounded down to whole multiples of {@code lotSize}; may be zero. */
    public BigDecimal entryQuantity(BigDecimal entry, BigDecimal lotSize) {
        if (!scales()) return entry;
        return entry.multiply(factor).divide(lotSize, 0, RoundingMode.FLOOR).multiply(lotSize);
    }
}
