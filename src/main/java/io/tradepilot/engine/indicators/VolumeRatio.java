package io.tradepilot.engine.indicators;

/**
 * Volume ratio: the current volume divided by the simple average of the last {@code n} volumes,
 * the current one included (so a bar is compared with a window that contains it). Lookback
 * {@code n - 1}. When the average is zero (an index with no volume) the ratio is undefined and
 * {@link #value()} is {@code NaN} although {@link #ready()} is true.
 */
public final class VolumeRatio implements ValueIndicator {
    private final Sma average;
    private double last;

    /** @throws IllegalArgumentException unless {@code 1 <= n <= 100000} */
    public VolumeRatio(int n) {
        this.average = new Sma(n);
    }

    @Override
    public void update(double volume) {
        last = volume;
        average.update(volume);
    }

    @Override
    public boolean ready() {
        return average.ready();
    }

    @Override
    public double value() {
        if (!average.ready()) return Double.NaN;
        double avg = average.value();
        return avg > 0 ? last / avg : Double.NaN;
    }

    @Override
    public int lookback() {
        return average.lookback();
    }

    @Override
    public void reset() {
        average.reset();
        last = 0;
    }
}
