package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses an order whose resulting position value ({@code |position after| x reference price}) exceeds
 * {@code fraction} of equity. Orders that only reduce pass; no reference price refuses (NO_PRICE).
 */
public record MaxPercentOfEquityPerSymbol(BigDecimal fraction) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        BigDecimal price = context.referencePrice(order);
        if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
        BigDecimal value = context.positionAfter(order).abs().multiply(price);
        BigDecimal equity = context.portfolio().equity();
        BigDecimal limit = equity.multiply(fraction);
        if (value.compareTo(limit) > 0) {
            var c = context.portfolio().currency();
            return RiskDecision.reject(RejectionCode.MAX_PERCENT_OF_EQUITY, order.symbol() + ": position value "
                    + MoneyFormat.format(value, c) + " > " + MoneyFormat.format(limit, c) + " ("
                    + MoneyFormat.percent(fraction) + " of equity " + MoneyFormat.format(equity, c) + ")");
        }
        return RiskDecision.APPROVED;
    }
}
