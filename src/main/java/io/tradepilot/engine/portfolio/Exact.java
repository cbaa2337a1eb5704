package io.tradepilot.engine.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;

/** Division for accounting splits. */
public final class Exact {
    private Exact() {}

    /**
     * {@code a / b} exactly when the decimal expansion terminates, otherwise rounded half-even to 34
     * significant digits. Callers that split an amount into parts give the last part the remainder, so
     * the parts always add up to the whole.
     */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, MathContext.DECIMAL128);
        }
    }
}
