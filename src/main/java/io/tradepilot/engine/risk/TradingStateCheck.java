package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.util.Objects;

/**
 * Consults the {@link TradingStatePort}. ALLOWED approves; KILL_SWITCH_ENGAGED and UNKNOWN refuse every
 * new order (fail closed); PAUSED, REDUCE_ONLY and CIRCUIT_BREAKER_TRIPPED refuse entries but let orders
 * that only reduce a position through. A port that throws counts as UNKNOWN. (Cancels never pass through
 * risk checks, so they stay possible in every state.)
 */
public final class TradingStateCheck implements RiskCheck {
    private final TradingStatePort port;

    public TradingStateCheck(TradingStatePort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        TradingState s;
        try {
            s = port.current();
        } catch (RuntimeException e) {
            s = TradingState.blocked(TradingState.Kind.UNKNOWN, "trading state unreadable: " + e.getMessage());
        }
        if (s == null) s = TradingState.blocked(TradingState.Kind.UNKNOWN, "trading state unreadable");
        String why = s.reason().isBlank() ? "" : ": " + s.reason();
        return switch (s.kind()) {
            case ALLOWED -> RiskDecision.APPROVED;
            case UNKNOWN -> RiskDecision.reject(RejectionCode.TRADING_STATE_UNKNOWN, "trading state unknown, failing closed" + why);
            case KILL_SWITCH_ENGAGED -> RiskDecision.reject(RejectionCode.KILL_SWITCH_ENGAGED, "kill switch engaged" + why);
            case PAUSED -> context.reducesOnly(order) ? RiskDecision.APPROVED
                    : RiskDecision.reject(RejectionCode.TRADING_PAUSED, "trading paused, entries refused" + why);
            case REDUCE_ONLY -> context.reducesOnly(order) ? RiskDecision.APPROVED
                    : RiskDecision.reject(RejectionCode.REDUCE_ONLY, "reduce-only: order would not reduce the " + order.symbol() + " position" + why);
            case CIRCUIT_BREAKER_TRIPPED -> context.reducesOnly(order) ? RiskDecision.APPROVED
                    : RiskDecision.reject(RejectionCode.CIRCUIT_BREAKER_TRIPPED, "circuit breaker tripped, entries refused" + why);
        };
    }
}
