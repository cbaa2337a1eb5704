package io.tradepilot.engine.indicators;

/**
 * Highest or lowest input of the last {@code n} (current included), as TA-Lib's MAX/MIN: lookback
 * {@code n - 1}. A monotonic deque over a ring buffer makes each update O(1) amortized.
 */
public final class RollingExtreme implements ValueIndicator {
    private final int n;
    private final boolean highest;
    private final double[] values;   // deque values, ring of capacity n
    private final long[] indices;    // their input indices
    private int head;
    private int size;
    private long seen;

    private RollingExtreme(int n, boolean highest) {
        this.n = Periods.check(highest ? "HIGHEST" : "LOWEST", n, 1);
        this.highest = highest;
        this.values = new double[n];
        this.indices = new long[n];
    }

    /** The highest of the last {@code n} inputs. */
    public static RollingExtreme highest(int n) {
        return new RollingExtreme(n, true);
    }

    /** The lowest of the last {@code n} inputs. */
    public static RollingExtreme lowest(int n) {
        return new RollingExtreme(n, false);
    }

    @Override
    public void update(double x) {
        long idx = seen++;
        // drop the front when it left the window
        if (size > 0 && indices[head] <= idx - n) {
            head = (head + 1) % n;
            size--;
        }
        // drop dominated values from the back (ties: keep the newer one)
        while (size > 0) {
            int back = (head + size - 1) % n;
            double v = values[back];
            if (highest ? v <= x : v >= x) size--; else break;
        }
        int slot = (head + size) % n;
        values[slot] = x;
        indices[slot] = idx;
        size++;
    }

    @Override
    public boolean ready() {
        return seen >= n;
    }

    @Override
    public double value() {
        return seen >= n ? values[head] : Double.NaN;
    }

    @Override
    public int lookback() {
        return n - 1;
    }

    @Override
    public void reset() {
        head = 0;
        size = 0;
        seen = 0;
    }
}
