package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/** Refuses an order whose resulting absolute position exceeds {@code max} units (orders that only reduce pass). */
public record MaxQuantityPerSymbol(BigDecimal max) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        BigDecimal after = context.positionAfter(order).abs();
        if (after.compareTo(max) > 0) {
            return RiskDecision.reject(RejectionCode.MAX_QUANTITY_PER_SYMBOL, order.symbol() + ": resulting position "
                    + after.toPlainString() + " exceeds the maximum of " + max.toPlainString() + " per symbol");
        }
        return RiskDecision.APPROVED;
    }
}
