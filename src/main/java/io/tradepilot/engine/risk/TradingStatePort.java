package io.tradepilot.engine.risk;

/**
 * Port the host implements: whether new orders may go out (the host's controls: kill switch, circuit breaker,
 * pause). The host is the one owner of that state; the engine keeps none of its own beyond the short latch of its
 * own automatic trips (see {@link #releases()}). Called on the engine's writer thread for every new order, so an
 * implementation should answer from memory. If the state cannot be determined it must return
 * {@link TradingState.Kind#UNKNOWN}, not ALLOWED; an exception is treated as UNKNOWN as well.
 */
@FunctionalInterface
public interface TradingStatePort {
    TradingState current();

    /**
     * How many times the host has released trading after a trip (a circuit breaker reset, or a kill switch
     * disengaged where trips engage it), counted from any starting point and never decreasing while an engine uses
     * this port. The engine refuses entries from the moment it trips itself (daily loss, drawdown, losing streak)
     * until this count moves past the one it read at the trip: that bridges the time until the host holds the trip
     * and is the only way the engine's trip is lifted. Default: 0, never released (a backtest's trip lasts to its
     * end). Read on the writer thread; an exception counts as no release.
     */
    default long releases() {
        return 0;
    }

    static TradingStatePort alwaysAllowed() {
        return () -> TradingState.ALLOWED;
    }
}
