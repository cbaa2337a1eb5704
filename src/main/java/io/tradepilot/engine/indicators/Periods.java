package io.tradepilot.engine.indicators;

/** Period validation shared by the indicators (TA-Lib's ranges). */
final class Periods {
    static final int MAX = 100_000;

    /** TA-Lib 0.4's TA_IS_ZERO epsilon (0.00000001); TA-Lib 0.6 uses 1e-14. */
    static final double EPSILON = 0.00000001;

    private Periods() {
    }

    static int check(String indicator, int period, int min) {
        if (period < min || period > MAX) {
            throw new IllegalArgumentException(indicator + " period must be " + min + ".." + MAX + ": " + period);
        }
        return period;
    }
}
