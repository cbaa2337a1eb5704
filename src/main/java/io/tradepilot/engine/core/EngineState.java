package io.tradepilot.engine.core;

/**
 * The engine's own state: only its automatic trip. Whether new orders may go out (kill switch, circuit breaker, pause)
 * belongs to the host, which the engine asks through its {@link io.tradepilot.engine.risk.TradingStatePort} for every
 * order decision; the engine keeps no paused or killed state.
 */
public enum EngineState {
    /** No trip of the engine's own: orders are decided by the trading-state port alone. */
    RUNNING,
    /**
     * An automatic risk limit tripped (daily loss, drawdown, losing streak): entries refused, exits allowed, from the
     * trip until the trading-state port reports a release ({@link TripLatch}).
     */
    TRIPPED
}
