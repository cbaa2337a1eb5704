package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Side;

import java.time.Instant;
import java.util.Objects;

/**
 * The caller's id for an order intent. The engine accepts at most one order per client order id, so
 * submitting the same intent twice yields one order. {@link #derive} makes the id a pure function of
 * the intent's identity (strategy, symbol, decision time, side, sequence within that decision), so a
 * replayed or retried decision maps to the same id.
 */
public record ClientOrderId(String value) {
    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("client order id must not be blank");
    }

    /**
     * {@code strategy:symbol:epochMillis:B|S:sequence}. Deterministic: equal arguments give equal ids.
     *
     * @param sequence the intent's position among the intents of the same strategy, symbol, time and side (from 0)
     */
    public static ClientOrderId derive(StrategyId strategy, String symbol, Instant decisionTime, Side side, int sequence) {
        if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative");
        return new ClientOrderId(strategy.value() + ':' + symbol + ':' + decisionTime.toEpochMilli() + ':'
                + (side == Side.BUY ? 'B' : 'S') + ':' + sequence);
    }

    /** The constant part {@code strategy:symbol:} of derived ids, for callers that derive many. */
    public static String prefix(StrategyId strategy, String symbol) {
        return strategy.value() + ':' + symbol + ':';
    }

    /** Same as {@link #derive(StrategyId, String, Instant, Side, int)} given {@link #prefix}{@code (strategy, symbol)}. */
    public static ClientOrderId derive(String prefix, long decisionEpochMillis, Side side, int sequence) {
        if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative");
        return new ClientOrderId(prefix + decisionEpochMillis + ':' + (side == Side.BUY ? 'B' : 'S') + ':' + sequence);
    }

    @Override
    public String toString() {
        return value;
    }
}
