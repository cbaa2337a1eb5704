package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses an entry when the open risk (money lost if every position hit its stop) plus the new order's
 * risk ({@code quantity x |price - protective stop|}) exceeds {@code fraction} of equity. Units are kept:
 * the comparison is money against money. An entry without a protective stop is refused when
 * {@code requireStop}, otherwise its risk is unbounded and counted as its whole notional
 * ({@code quantity x price}), as {@link io.tradepilot.engine.portfolio.Portfolio#openRisk()} counts an open
 * position without a stop.
 */
public record PortfolioHeat(BigDecimal fraction, boolean requireStop) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        var p = context.portfolio();
        if (order.protectiveStop() == null && requireStop) {
            return RiskDecision.reject(RejectionCode.PORTFOLIO_HEAT, order.symbol() + ": entry without a protective stop");
        }
        BigDecimal price = context.referencePrice(order);
        if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
        BigDecimal newRisk = order.protectiveStop() == null ? price.multiply(order.quantity().value())
                : price.subtract(order.protectiveStop().value()).abs().multiply(order.quantity().value());
        BigDecimal heat = p.openRisk().add(newRisk);
        BigDecimal limit = p.equity().multiply(fraction);
        if (heat.compareTo(limit) > 0) {
            return RiskDecision.reject(RejectionCode.PORTFOLIO_HEAT, "portfolio heat " + MoneyFormat.format(heat, p.currency())
                    + " > " + MoneyFormat.format(limit, p.currency()) + " (" + MoneyFormat.percent(fraction) + " of equity)");
        }
        return RiskDecision.APPROVED;
    }
}
