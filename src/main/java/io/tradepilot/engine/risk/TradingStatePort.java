package io.tradepilot.engine.risk;

/**
 * Port the host implements (kill switch and circuit breaker in Redis, pause flags). Called on the
 * engine's writer thread for every new order, so an implementation should answer from memory. If the
 * state cannot be determined it must return {@link TradingState.Kind#UNKNOWN}, not ALLOWED; an exception
 * is treated as UNKNOWN as well.
 */
@FunctionalInterface
public interface TradingStatePort {
    TradingState current();

    static TradingStatePort alwaysAllowed() {
        return () -> TradingState.ALLOWED;
    }
}
