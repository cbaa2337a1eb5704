package io.tradepilot.journal.internal;

import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.trading.CachedBar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Maximum adverse and favourable excursion of a trade from bars: the lowest low and highest high of the bars
 * from the one containing the first entry through the one containing the exit (the newest bar for an open
 * trade), measured from the average entry price for the whole quantity entered, in money (MAE zero or
 * negative, MFE zero or positive). Unknown (null) when the bars do not reach back to the entry.
 */
final class Excursions {

    private Excursions() {
    }

    /** {@code [mae, mfe]}, or null when {@code bars} (oldest first) do not cover the trade. */
    static BigDecimal[] of(Trade trade, List<CachedBar> bars) {
        if (bars.isEmpty() || bars.getFirst().start().isAfter(trade.entryTime())) return null;
        Instant end = trade.exitTime();
        BigDecimal high = null, low = null;
        for (int i = 0; i < bars.size(); i++) {
            CachedBar bar = bars.get(i);
            boolean beforeEntryBar = i + 1 < bars.size() && !bars.get(i + 1).start().isAfter(trade.entryTime());
            if (beforeEntryBar) continue;
            if (end != null && bar.start().isAfter(end)) break;
            high = high == null || bar.high().compareTo(high) > 0 ? bar.high() : high;
            low = low == null || bar.low().compareTo(low) < 0 ? bar.low() : low;
        }
        if (high == null) return null;
        BigDecimal entry = trade.entryPrice();
        BigDecimal q = trade.quantity();
        BigDecimal up = high.subtract(entry).multiply(q);
        BigDecimal down = low.subtract(entry).multiply(q);
        BigDecimal mfe = trade.side() == TradeSide.LONG ? up : down.negate();
        BigDecimal mae = trade.side() == TradeSide.LONG ? down : up.negate();
        return new BigDecimal[] {mae.min(BigDecimal.ZERO), mfe.max(BigDecimal.ZERO)};
    }
}
