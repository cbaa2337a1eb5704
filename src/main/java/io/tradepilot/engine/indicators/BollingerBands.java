package io.tradepilot.engine.indicators;

/**
 * Bollinger bands as TA-Lib's BBANDS with a simple moving average: middle = SMA(n), upper/lower =
 * middle ± k * population standard deviation of the same window (see {@link StdDev}). Lookback
 * {@code n - 1}. {@link #value()} is the middle band.
 */
public final class BollingerBands implements ValueIndicator {
    private final StdDev std;
    private final double k;

    /** @throws IllegalArgumentException unless {@code 2 <= n <= 100000} and {@code k} is finite and non-negative */
    public BollingerBands(int n, double k) {
        if (!(k >= 0) || Double.isInfinite(k)) throw new IllegalArgumentException("band width must be finite and >= 0: " + k);
        this.std = new StdDev(n, 1.0);
        this.k = k;
    }

    @Override
    public void update(double x) {
        std.update(x);
    }

    @Override
    public boolean ready() {
        return std.ready();
    }

    /** The middle band (the SMA). */
    @Override
    public double value() {
        return std.mean();
    }

    public double middle() {
        return std.mean();
    }

    public double upper() {
        return std.mean() + k * std.value();
    }

    public double lower() {
        return std.mean() - k * std.value();
    }

    @Override
    public int lookback() {
        return std.lookback();
    }

    @Override
    public void reset() {
        std.reset();
    }
}
