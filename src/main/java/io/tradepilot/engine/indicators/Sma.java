package io.tradepilot.engine.indicators;

/**
 * Simple moving average of the last {@code n} inputs (TA-Lib SMA): lookback {@code n - 1}, running sum
 * updated as {@code sum += x - x[n bars ago]}.
 */
public final class Sma implements ValueIndicator {
    private final int n;
    private final double[] window;
    private int count;
    private int pos;
    private double sum;

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Sma(int n) {
        this.n = Periods.check("SMA", n, 1);
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        sum += x - window[pos];
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        return count >= n ? sum / n : Double.NaN;
    }

    @Override
    public int lookback() {
        return n - 1;
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(window, 0);
        count = 0;
        pos = 0;
        sum = 0;
    }
}
