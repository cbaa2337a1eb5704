package io.tradepilot.engine.indicators;

/**
 * Rolling population standard deviation of the last {@code n} inputs, times {@code nbDev}, as TA-Lib's
 * STDDEV (via its VAR): {@code sqrt(mean(x^2) - mean(x)^2) * nbDev} from running sums kept in TA-Lib's
 * operation order (bit-for-bit equal results); a variance below TA-Lib 0.4's epsilon
 * 1e-8 (zero, or rounding noise on a flat window) gives 0 (TA-Lib 0.6 lowered the epsilon to 1e-14). Lookback {@code n - 1}.
 */
public final class StdDev implements ValueIndicator {
    private final int n;
    private final double nbDev;
    private final double[] window;
    private int count;
    private int pos;
    private double partial1, partial2; // sums of the newest n - 1 inputs and of their squares
    private double variance;

    /** One standard deviation. */
    public StdDev(int n) {
        this(n, 1.0);
    }

    /** @throws IllegalArgumentException unless {@code 2 <= n <= 100000} */
    public StdDev(int n, double nbDev) {
        this.n = Periods.check("STDDEV", n, 2);
        this.nbDev = nbDev;
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
        double sq = x * x;
        if (count < n) {
            partial1 += x;
            partial2 += sq;
            return;
        }
        double total1 = partial1 + x;
        double total2 = partial2 + sq;
        double mean1 = total1 / n;
        double mean2 = total2 / n;
        double oldest = window[pos];
        partial1 = total1 - oldest;
        partial2 = total2 - oldest * oldest;
        variance = mean2 - mean1 * mean1;
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        if (count < n) return Double.NaN;
        return variance < Periods.EPSILON ? 0.0 : Math.sqrt(variance) * nbDev;
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
        partial1 = 0;
        partial2 = 0;
        variance = 0;
    }
}
