package io.tradepilot.engine.indicators;

/** Period validation shared by the indicators (TA-Lib's ranges). */
final class Periods {
    static final int MAX = 100_000;

    private Periods() {
    }

    static int check(String indicator, int period, int min) {
        if (period < min || period > MAX) {
            throw new IllegalArgumentException(indicator + " period must be " + min + ".." + MAX + ": " + period);
        }
        return period;
    }
}
