package io.tradepilot.trading.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.MarketDataQueries;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Market pages' one shared ticker ({@code tradepilot.dashboard.push-interval}, default 500 ms): reads the
 * {@link MarketBoard} of the watched symbols from the bar cache while any Market page is open and pushes it when it
 * changed. Pages say which symbols they watch ({@link #watch}); the ticker itself needs no signed-in user.
 */
@Component
class MarketFeed extends LiveFeed<MarketBoard> {

    private final Set<String> watched;

    @Autowired
    MarketFeed(MarketDataQueries bars, @Value("${tradepilot.dashboard.push-interval:500ms}") Duration interval,
               @Value("${tradepilot.trading.market-zone:Asia/Kolkata}") String zone) {
        this(bars, interval, ZoneId.of(zone), new ConcurrentSkipListSet<>());
    }

    private MarketFeed(MarketDataQueries bars, Duration interval, ZoneId zone, Set<String> watched) {
        super("market-feed", () -> MarketBoard.read(bars, watched, zone), interval);
        this.watched = watched;
    }

    /** Adds {@code symbols} to what every frame quotes (symbols are never removed: the traded set is small). */
    void watch(Collection<String> symbols) {
        symbols.stream().filter(s -> MarketDataQueries.SYMBOL.matcher(s).matches()).forEach(watched::add);
    }
}
