package io.tradepilot.engine.indicators;

/**
 * A streaming indicator over one input per bar (a close, a volume...). Implementations are not thread
 * safe; one instance follows one series.
 */
public interface ValueIndicator {

    /** Feeds the next input. Non-finite inputs are not supported (results become NaN). */
    void update(double input);

    /** True once {@link #value()} is defined: after {@link #lookback()} + 1 inputs. */
    boolean ready();

    /** The current value; {@code NaN} while not {@link #ready()}. */
    double value();

    /** Inputs consumed before the first value (TA-Lib's lookback): the first value comes at index {@code lookback()}. */
    int lookback();

    /** Forgets all inputs. */
    void reset();
}
