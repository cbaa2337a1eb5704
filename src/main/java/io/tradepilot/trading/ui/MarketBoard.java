package io.tradepilot.trading.ui;

import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.MarketDataQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Market page's watchlist frame: per traded symbol the last price (close of its newest cached bar), the change
 * since the previous session's last close (or, when the cache holds no earlier session, since the session's first
 * open), the session's volume so far, and when the newest bar started (the feed's freshness). Exact decimals.
 */
record MarketBoard(List<Quote> quotes) {

    /** How many cached bars a quote looks at (a session of minute bars and some). */
    static final int WINDOW = 1000;

    /** One symbol; every value null (volume 0) when no bar is cached yet. */
    record Quote(String symbol, BigDecimal last, BigDecimal change, BigDecimal changePercent, long volume, Instant lastBarAt) {
    }

    MarketBoard {
        quotes = List.copyOf(quotes);
    }

    /** Reads the quotes of {@code symbols} (in that order) from the bar cache; sessions are days in {@code zone}. */
    static MarketBoard read(MarketDataQueries bars, Collection<String> symbols, ZoneId zone) {
        List<Quote> quotes = new ArrayList<>();
        for (String symbol : symbols) {
            quotes.add(quote(symbol, bars.recentBars(symbol, WINDOW), zone));
        }
        return new MarketBoard(quotes);
    }

    static Quote quote(String symbol, List<CachedBar> bars, ZoneId zone) {
        if (bars.isEmpty()) return new Quote(symbol, null, null, null, 0, null);
        CachedBar last = bars.getLast();
        var session = last.start().atZone(zone).toLocalDate();
        BigDecimal reference = null;
        long volume = 0;
        for (CachedBar b : bars) {
            var day = b.start().atZone(zone).toLocalDate();
            if (day.isBefore(session)) {
                reference = b.close(); // the last close of an earlier session (bars are oldest first)
            } else if (day.equals(session)) {
                if (reference == null) reference = b.open();
                volume += b.volume();
            }
        }
        BigDecimal change = last.close().subtract(reference);
        BigDecimal percent = reference.signum() == 0 ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(reference, 2, RoundingMode.HALF_EVEN);
        return new Quote(symbol, last.close(), change, percent, volume, last.start());
    }
}
