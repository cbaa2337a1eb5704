package io.tradepilot.controls;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The trading mode now.
 *
 * @param sizeFactor in LIVE, the fraction of each computed order size that is sent (0.10, 0.25, 0.50, 1.00; a new LIVE
 *                   period starts at 0.10); in PAPER 1.00
 */
public record TradingModeState(TradingMode mode, BigDecimal sizeFactor, String changedBy, Instant changedAt, String reason) {

    /** The steps of the LIVE size factor, in order. */
    public static final java.util.List<BigDecimal> SIZE_STEPS =
            java.util.List.of(new BigDecimal("0.10"), new BigDecimal("0.25"), new BigDecimal("0.50"), new BigDecimal("1.00"));

    public boolean live() {
        return mode == TradingMode.LIVE;
    }
}
