package io.tradepilot.engine.indicators;

/**
 * Simple moving average of the last {@code n} inputs, as TA-Lib's SMA: lookback {@code n - 1}, and the
 * same floating-point operations in the same order (a running total: add the new input, divide, then
 * subtract the oldest input of the window), so results are bit-for-bit TA-Lib's.
 */
public final class Sma implements ValueIndicator {
    private final int n;
    private final double[] window;
    private int count;
    private int pos;
    private double partial; // total of the newest n - 1 inputs
    private double total;   // total of the current window (valid when ready)

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Sma(int n) {
        this.n = Periods.check("SMA", n, 1);
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
        if (count < n) {
            partial += x;
            return;
        }
        total = partial + x;
        partial = total - window[pos]; // window[pos] is now the oldest input of the current window
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        return count >= n ? total / n : Double.NaN;
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
        partial = 0;
        total = 0;
    }
}
