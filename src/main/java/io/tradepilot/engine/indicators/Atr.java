package io.tradepilot.engine.indicators;

/**
 * Average true range as TA-Lib's ATR (no unstable period). The true range needs the previous close,
 * so the first one is at index 1: {@code TR = max(high - low, |high - prevClose|, |low - prevClose|)}.
 * The first ATR, at index {@code n} (lookback {@code n}), is the mean of the first {@code n} true ranges
 * (indices 1..n); afterwards Wilder's smoothing {@code atr = (atr * (n - 1) + TR) / n}.
 * With {@code n = 1} the ATR is the true range.
 */
public final class Atr {
    private final int n;
    private int ranges;      // true ranges seen
    private boolean hasPrev;
    private double prevClose;
    private double atr = Double.NaN;
    private double seedSum;

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Atr(int n) {
        this.n = Periods.check("ATR", n, 1);
    }

    /** Feeds the next bar. */
    public void update(double high, double low, double close) {
        if (!hasPrev) {
            hasPrev = true;
            prevClose = close;
            return;
        }
        double tr = trueRange(high, low, prevClose);
        prevClose = close;
        if (ranges < n) {
            seedSum += tr;
            if (++ranges == n) atr = seedSum / n;
        } else {
            atr *= n - 1;
            atr += tr;
            atr /= n;
        }
    }

    /** TA-Lib's TRANGE of one bar given the previous close. */
    public static double trueRange(double high, double low, double prevClose) {
        double range = high - low;
        double a = Math.abs(high - prevClose);
        double b = Math.abs(low - prevClose);
        if (a > range) range = a;
        if (b > range) range = b;
        return range;
    }

    /** True once the first ATR is defined (after {@code n + 1} bars). */
    public boolean ready() {
        return ranges >= n;
    }

    /** The current ATR; {@code NaN} while not {@link #ready()}. */
    public double value() {
        return atr;
    }

    /** Bars consumed before the first value: {@code n}. */
    public int lookback() {
        return n;
    }

    public void reset() {
        ranges = 0;
        hasPrev = false;
        prevClose = 0;
        atr = Double.NaN;
        seedSum = 0;
    }
}
