package io.tradepilot.engine.indicators;

/**
 * Rolling population standard deviation of the last {@code n} inputs, times {@code nbDev}, as TA-Lib's
 * STDDEV: {@code sqrt(mean(x^2) - mean(x)^2) * nbDev} from running sums; a variance that is zero or
 * negative (rounding on a flat window) gives 0. Lookback {@code n - 1}.
 */
public final class StdDev implements ValueIndicator {
    private final int n;
    private final double nbDev;
    private final double[] window;
    private int count;
    private int pos;
    private double sum;
    private double sumSq;

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
        double old = window[pos];
        sum += x - old;
        sumSq += x * x - old * old;
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    /** The mean of the window ({@code NaN} while not ready). */
    public double mean() {
        return count >= n ? sum / n : Double.NaN;
    }

    @Override
    public double value() {
        if (count < n) return Double.NaN;
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        return variance > 0 ? Math.sqrt(variance) * nbDev : 0.0;
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
        sumSq = 0;
    }
}
