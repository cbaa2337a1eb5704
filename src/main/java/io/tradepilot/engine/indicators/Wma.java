package io.tradepilot.engine.indicators;

/**
 * Linearly weighted moving average as TA-Lib's WMA: the newest input has weight {@code n}, the oldest
 * weight 1, divided by {@code n(n+1)/2}. Lookback {@code n - 1}. O(1) per input, with TA-Lib's running
 * sums in TA-Lib's operation order (bit-for-bit equal results): the weighted sum gains {@code n * x} and
 * then loses the plain sum of the window.
 */
public final class Wma implements ValueIndicator {
    private final int n;
    private final double divider;
    private final double[] window;
    private int count;
    private int pos;
    private double periodSub;  // plain sum of the window (TA-Lib's periodSub)
    private double periodSum;  // weighted sum (TA-Lib's periodSum)
    private double trailing;   // the input that leaves the window next
    private double value = Double.NaN;

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Wma(int n) {
        this.n = Periods.check("WMA", n, 1);
        this.divider = (n * (n + 1)) >> 1;
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
        if (count < n) {
            periodSub += x;
            periodSum += x * count;
            return;
        }
        periodSub += x;
        periodSub -= trailing;
        periodSum += x * n;
        trailing = window[pos]; // the oldest input of the current window
        value = periodSum / divider;
        periodSum -= periodSub;
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        return value;
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
        periodSub = 0;
        periodSum = 0;
        trailing = 0;
        value = Double.NaN;
    }
}
