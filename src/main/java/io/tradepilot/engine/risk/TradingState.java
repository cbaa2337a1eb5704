package io.tradepilot.engine.risk;

import java.util.Objects;

/**
 * Whether new orders may be placed, as the host (kill switch, circuit breaker, pause) sees it.
 * {@link Kind#UNKNOWN} means the state could not be read: the engine then refuses new orders (fail closed).
 */
public record TradingState(Kind kind, String reason) {

    public enum Kind { ALLOWED, PAUSED, REDUCE_ONLY, KILL_SWITCH_ENGAGED, CIRCUIT_BREAKER_TRIPPED, UNKNOWN }

    public static final TradingState ALLOWED = new TradingState(Kind.ALLOWED, "");

    public TradingState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static TradingState blocked(Kind kind, String reason) {
        if (kind == Kind.ALLOWED) throw new IllegalArgumentException("use ALLOWED");
        return new TradingState(kind, reason);
    }
}
