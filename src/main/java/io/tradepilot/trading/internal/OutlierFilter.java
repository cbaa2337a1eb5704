package io.tradepilot.trading.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Drops bars whose close jumps further than a threshold from the symbol's last accepted close
 * (a bad tick, a wrong decimal). A real level change must not block a symbol for ever: after
 * {@link #MAX_CONSECUTIVE_DROPS} drops in a row the next bar is accepted as the new reference.
 * The first bar of a symbol is always accepted. Not thread-safe (the feed thread owns it).
 */
final class OutlierFilter {

    /** Consecutive drops after which the next bar is accepted as the new level. */
    static final int MAX_CONSECUTIVE_DROPS = 3;

    private final double threshold;
    private final Map<String, long[]> last = new HashMap<>(); // symbol -> {close scaled, decimals, drops}

    /** @param threshold fraction, e.g. 0.2 for 20 %; 0 or less accepts every bar */
    OutlierFilter(BigDecimal threshold) {
        this.threshold = threshold == null ? 0 : threshold.doubleValue();
    }

    /**
     * Whether the bar with this close (scaled by {@code 10^decimals}) is accepted. Uses doubles for the
     * ratio: a screening rule, not accounting.
     */
    boolean accept(String symbol, long close, int decimals) {
        long[] state = last.get(symbol);
        if (state == null || threshold <= 0 || state[1] != decimals || state[0] <= 0) {
            last.put(symbol, new long[] {close, decimals, 0});
            return true;
        }
        double move = Math.abs((double) close / state[0] - 1.0);
        if (move > threshold && state[2] < MAX_CONSECUTIVE_DROPS) {
            state[2]++;
            return false;
        }
        state[0] = close;
        state[2] = 0;
        return true;
    }
}
