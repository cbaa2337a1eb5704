package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

/** Refuses an order that would open a position in a new symbol while {@code max} positions are already open. */
public record MaxOpenPositions(int max) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.portfolio().quantity(order.symbol()).signum() != 0) return RiskDecision.APPROVED;
        int open = context.portfolio().openPositionCount();
        if (open >= max) {
            return RiskDecision.reject(RejectionCode.MAX_OPEN_POSITIONS, order.symbol() + ": " + open
                    + " positions open, the maximum is " + max);
        }
        return RiskDecision.APPROVED;
    }
}
