package io.tradepilot.trading;

import java.time.Duration;
import java.util.Optional;

/**
 * How fresh the engine's market data is on this instance: the age of the last bar the feed handed the engine, and
 * the silence after which the circuit breaker trips for {@code DATA_STALE}. For warnings before that trip.
 */
public interface FeedFreshness {

    /**
     * Wall time since the feed last handed the engine a bar; empty where this instance does not run the engine (a
     * standby, stopped) or once a replayed source has no more bars (nothing will come, nothing is late).
     */
    Optional<Duration> sinceLastBar();

    /** No bar for longer than this trips the circuit breaker ({@code tradepilot.trading.marketdata.stale-after}). */
    Duration staleAfter();
}
