package io.tradepilot.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recent bars of the traded symbols for readers other than the engine (views, the REST API, a standby
 * instance), from a shared cache the engine's instance fills as the feed delivers bars. The cache is
 * capped per symbol (the newest bars only) and best effort: bars delivered while it was unreachable are
 * missing. Read-only: any signed-in role may call it.
 */
public interface MarketDataQueries {

    /** What a symbol may look like: 1 to 64 of A–Z, a–z, 0–9, {@code . _ - & :}. */
    Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._&:-]{1,64}");

    /** The most bars one call returns. */
    int MAX_LIMIT = 1000;

    /**
     * The newest {@code limit} cached bars of {@code symbol}, oldest first (empty for a symbol never
     * cached). {@code limit} is clamped to 1..{@value #MAX_LIMIT}.
     *
     * @throws IllegalArgumentException         a symbol not matching {@link #SYMBOL}
     * @throws MarketDataUnavailableException   the cache cannot be read now
     */
    List<CachedBar> recentBars(String symbol, int limit);

    /**
     * The close of the newest cached bar of {@code symbol}, empty if none.
     *
     * @throws IllegalArgumentException         a symbol not matching {@link #SYMBOL}
     * @throws MarketDataUnavailableException   the cache cannot be read now
     */
    Optional<BigDecimal> latestClose(String symbol);
}
