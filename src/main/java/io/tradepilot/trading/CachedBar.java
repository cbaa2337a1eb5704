package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** One bar as the market data cache holds it: start time (market clock) and exact prices. */
public record CachedBar(String symbol, Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                        long volume) {
}
