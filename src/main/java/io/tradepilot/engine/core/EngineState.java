package io.tradepilot.engine.core;

/** The engine's own trading state (the host's kill switch and breaker arrive through the TradingStatePort). */
public enum EngineState {
    /** Trading allowed. */
    RUNNING,
    /** New entries refused, exits allowed. */
    PAUSED,
    /** An automatic risk limit tripped (daily loss, drawdown, losing streak): entries refused, exits allowed. */
    TRIPPED,
    /** Kill switch: no new orders; cancels allowed. */
    KILLED
}
