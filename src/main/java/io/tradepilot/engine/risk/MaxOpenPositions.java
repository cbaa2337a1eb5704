package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

/**
 * Refuses an order that would open a position in a new symbol while {@code max} positions are already open.
 * A symbol without a position but with a working entry ({@link RiskContext#workingEntries()}) counts as open:
 * its position opens when the entry fills, so several entries decided at one bar cannot open more than
 * {@code max} positions together; another entry in that symbol adds to it and passes.
 */
public record MaxOpenPositions(int max) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.portfolio().quantity(order.symbol()).signum() != 0 || context.opening(order.symbol())) return RiskDecision.APPROVED;
        int open = context.portfolio().openPositionCount() + context.openingSymbols(order.symbol()).size();
        if (open >= max) {
            // the message keeps its wording whether or not some of the positions are still working entries
            return RiskDecision.reject(RejectionCode.MAX_OPEN_POSITIONS, order.symbol() + ": " + open + " positions open, the maximum is " + max);
        }
        return RiskDecision.APPROVED;
    }
}
