package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses an order after which the gross exposure (sum of |quantity x price| over all positions, this
 * symbol valued at the order's reference price) exceeds {@code limit}. Orders that only reduce pass.
 */
public record MaxTotalExposure(BigDecimal limit) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        BigDecimal price = context.referencePrice(order);
        if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
        var p = context.portfolio();
        BigDecimal current = p.quantity(order.symbol());
        BigDecimal mark = p.markOf(order.symbol());
        BigDecimal others = p.grossExposure().subtract(mark == null ? BigDecimal.ZERO : current.multiply(mark).abs());
        BigDecimal total = others.add(context.positionAfter(order).abs().multiply(price));
        if (total.compareTo(limit) > 0) {
            return RiskDecision.reject(RejectionCode.MAX_TOTAL_EXPOSURE, "total exposure " + MoneyFormat.format(total, p.currency())
                    + " > " + MoneyFormat.format(limit, p.currency()));
        }
        return RiskDecision.APPROVED;
    }
}
