package io.tradepilot.engine.indicators;

/**
 * Bollinger bands as TA-Lib's BBANDS with a simple moving average and equal widths: middle = SMA(n);
 * deviation = sqrt(mean of the window's squares - middle^2) (population; below TA-Lib 0.4's epsilon 1e-8 it is 0), kept in
 * TA-Lib's operation order; upper/lower = middle ± k * deviation. Lookback {@code n - 1}.
 * {@link #value()} is the middle band.
 */
public final class BollingerBands implements ValueIndicator {
    private final int n;
    private final double k;
    private final Sma sma;
    private final double[] window;
    private int count;
    private int pos;
    private double partial2; // sum of squares of the newest n - 1 inputs
    private double deviation;

    /** @throws IllegalArgumentException unless {@code 2 <= n <= 100000} and {@code k} is finite and non-negative */
    public BollingerBands(int n, double k) {
        this.n = Periods.check("BBANDS", n, 2);
        if (!(k >= 0) || Double.isInfinite(k)) throw new IllegalArgumentException("band width must be finite and >= 0: " + k);
        this.k = k;
        this.sma = new Sma(n);
        this.window = new double[n];
    }

    @Override
    public void update(double x) {
        sma.update(x);
        window[pos] = x;
        if (++pos == n) pos = 0;
        if (count < n) count++;
        double sq = x * x;
        if (count < n) {
            partial2 += sq;
            return;
        }
        double total2 = partial2 + sq;
        double mean2 = total2 / n;
        double oldest = window[pos];
        partial2 = total2 - oldest * oldest;
        double middle = sma.value();
        mean2 -= middle * middle;
        deviation = mean2 < Periods.EPSILON ? 0.0 : Math.sqrt(mean2);
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    /** The middle band (the SMA). */
    @Override
    public double value() {
        return sma.value();
    }

    public double middle() {
        return sma.value();
    }

    /** The population standard deviation of the window ({@code NaN} while not ready). */
    public double deviation() {
        return count >= n ? deviation : Double.NaN;
    }

    public double upper() {
        return count >= n ? sma.value() + deviation * k : Double.NaN;
    }

    public double lower() {
        return count >= n ? sma.value() - deviation * k : Double.NaN;
    }

    @Override
    public int lookback() {
        return n - 1;
    }

    @Override
    public void reset() {
        sma.reset();
        java.util.Arrays.fill(window, 0);
        count = 0;
        pos = 0;
        partial2 = 0;
        deviation = 0;
    }
}
