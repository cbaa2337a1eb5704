package io.tradepilot.engine.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Division for accounting splits. */
public final class Exact {
    private Exact() {}

    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /**
     * {@code a / b} exactly when the decimal expansion terminates, otherwise rounded half-even to 34
     * significant digits. Callers that split an amount into parts give the last part the remainder, so
     * the parts always add up to the whole. Never throws for a non-zero {@code b} (and never uses an
     * exception to find out whether the quotient terminates).
     */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return terminates(b) ? a.divide(b) : a.divide(b, MathContext.DECIMAL128);
    }

    /** True when {@code 1 / b} has a finite decimal expansion: b's unscaled value has no prime factor other than 2 and 5. */
    static boolean terminates(BigDecimal b) {
        BigInteger u = b.unscaledValue().abs();
        if (u.signum() == 0) throw new ArithmeticException("division by zero");
        u = u.shiftRight(u.getLowestSetBit());
        while (!u.equals(BigInteger.ONE)) {
            BigInteger[] qr = u.divideAndRemainder(FIVE);
            if (qr[1].signum() != 0) return false;
            u = qr[0];
        }
        return true;
    }
}
