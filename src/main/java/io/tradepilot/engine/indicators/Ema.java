package io.tradepilot.engine.indicators;

/**
 * Exponential moving average as TA-Lib's EMA (default compatibility): {@code k = 2 / (n + 1)}, seeded
 * with the simple average of the first {@code n} inputs (the first value, at index {@code n - 1}), then
 * {@code ema = (x - ema) * k + ema}. Lookback {@code n - 1}.
 */
public final class Ema implements ValueIndicator {
    private final int n;
    private final double k;
    private int count;
    private double seedSum;
    private double ema = Double.NaN;

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public Ema(int n) {
        this.n = Periods.check("EMA", n, 1);
        this.k = 2.0 / (n + 1);
    }

    @Override
    public void update(double x) {
        if (count < n) {
            seedSum += x;
            if (++count == n) ema = seedSum / n;
        } else {
            ema = ((x - ema) * k) + ema;
        }
    }

    @Override
    public boolean ready() {
        return count >= n;
    }

    @Override
    public double value() {
        return ema;
    }

    @Override
    public int lookback() {
        return n - 1;
    }

    @Override
    public void reset() {
        count = 0;
        seedSum = 0;
        ema = Double.NaN;
    }
}
