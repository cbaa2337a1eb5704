package io.tradepilot.engine.strategy.threeweek;

import java.util.ArrayList;
import java.util.List;

/**
 * The four 3WI filters for one direction at one week. An indicator that is not ready fails its filter.
 *
 * @param rsi    long: RSI(14) &gt; 55; short (mirrored): RSI(14) &lt; 45
 * @param trend  long: WMA20 &gt; WMA50 &gt; WMA100 (real weighted averages); short: WMA20 &lt; WMA50 &lt; WMA100
 * @param volume volume ≥ 1.5 × its 20-week average
 * @param atr    ATR(14) / close &lt; 6 %
 */
public record FilterResult(boolean rsi, boolean trend, boolean volume, boolean atr) {
    public boolean passed() {
        return rsi && trend && volume && atr;
    }

    /** Names of the failed filters, e.g. {@code [rsi, volume]}; empty when all passed. */
    public List<String> failed() {
        List<String> f = new ArrayList<>();
        if (!rsi) f.add("rsi");
        if (!trend) f.add("trend");
        if (!volume) f.add("volume");
        if (!atr) f.add("atr");
        return f;
    }
}
