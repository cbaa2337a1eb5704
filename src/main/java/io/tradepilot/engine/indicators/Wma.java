package io.tradepilot.engine.indicators;

/**
 * Linearly weighted moving average as TA-Lib's WMA: the newest input has weight {@code n}, the oldest
 * weight 1, divided by {@code n(n+1)/2}. Lookback {@code n - 1}. O(1) per input: the weighted sum moves
 * by {@code n * x - (sum of the previous window)}.
 */
public final class Wma implements ValueIndicator {
    private final int n;
    private final double divider;
    private final double[] window;
    private int count;
    private int pos;
    private double sum;      // plain sum of the window
    private double weighted; // sum of weight * input over the window

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Wma(int n) {
        this.n = Periods.check("WMA", n, 1);
        this.divider = n * (n + 1) / 2.0;
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        if (count < n) {
            count++;
            weighted += x * count;
            sum += x;
        } else {
            weighted += x * n - sum;
            sum += x - window[pos];
        }
        window[pos] = x;
        if (++pos == n) pos = 0;
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        return count >= n ? weighted / divider : Double.NaN;
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
        weighted = 0;
    }
}
