package io.tradepilot.engine.indicators;

/**
 * Relative strength index as TA-Lib's RSI (default compatibility, no unstable period): the first
 * {@code n} changes seed the average gain and loss as plain means, giving the first value at index
 * {@code n} (lookback {@code n}); afterwards Wilder's smoothing {@code avg = (avg * (n - 1) + current) / n}.
 * {@code RSI = 100 * avgGain / (avgGain + avgLoss)}; when both averages sum to (near) zero - a flat market,
 * below TA-Lib 0.4's epsilon 1e-8 - the value is 0, as in TA-Lib.
 */
public final class Rsi implements ValueIndicator {
    private final int n;
    private int changes;     // changes seen (inputs - 1)
    private boolean hasPrev;
    private double prev;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;

    /** @throws IllegalArgumentException unless {@code 2 <= n <= 100000} */
    public Rsi(int n) {
        this.n = Periods.check("RSI", n, 2);
    }

    @Override
    public void update(double x) {
        if (!hasPrev) {
            hasPrev = true;
            prev = x;
            return;
        }
        double diff = x - prev;
        prev = x;
        if (changes < n) {
            if (diff < 0) avgLoss -= diff; else avgGain += diff;
            if (++changes == n) {
                avgLoss /= n;
                avgGain /= n;
                value = rsi();
            }
        } else {
            avgLoss *= n - 1;
            avgGain *= n - 1;
            if (diff < 0) avgLoss -= diff; else avgGain += diff;
            avgLoss /= n;
            avgGain /= n;
            value = rsi();
        }
    }

    private double rsi() {
        double total = avgGain + avgLoss;
        return (-Periods.EPSILON < total && total < Periods.EPSILON) ? 0.0 : 100.0 * (avgGain / total);
    }

    @Override
    public boolean ready() {
        return changes >= n;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int lookback() {
        return n;
    }

    @Override
    public void reset() {
        changes = 0;
        hasPrev = false;
        prev = 0;
        avgGain = 0;
        avgLoss = 0;
        value = Double.NaN;
    }
}
