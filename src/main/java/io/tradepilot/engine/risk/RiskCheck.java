package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

/** One pre-trade rule. Must not mutate anything; must answer, never throw, for any well-formed order. */
@FunctionalInterface
public interface RiskCheck {
    RiskDecision check(OrderRequest order, RiskContext context);
}
