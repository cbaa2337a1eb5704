package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses an entry when the portfolio heat ({@link io.tradepilot.engine.portfolio.Portfolio#openRisk()}:
 * money lost if every position hit its stop, a position without a stop counted at its whole exposure) plus
 * the new order's risk exceeds {@code fraction} of equity. The order's risk is {@code quantity x |price -
 * protective stop|}; an entry without a protective stop is refused when {@code requireStop}, otherwise
 * counted at its whole value {@code quantity x price} (never zero: nothing bounds its loss). Units are
 * kept: the comparison is money against money. Working entries ({@link RiskContext#workingEntries()}) add
 * their unfilled part's risk, valued the same way (at their reference price; none known: nothing). Orders
 * that only reduce pass; no reference price refuses (NO_PRICE).
 */
public record PortfolioHeat(BigDecimal fraction, boolean requireStop) implements RiskCheck {
    public PortfolioHeat {
        if (fraction == null || fraction.signum() <= 0) throw new IllegalArgumentException("heat cap must be positive: " + fraction);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        var p = context.portfolio();
        if (order.protectiveStop() == null && requireStop) {
            return RiskDecision.reject(RejectionCode.PORTFOLIO_HEAT, order.symbol() + ": entry without a protective stop");
        }
        BigDecimal price = context.referencePrice(order);
        if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
        BigDecimal newRisk = risk(order, price, order.quantity().value());
        BigDecimal[] working = {BigDecimal.ZERO};
        context.workingEntries().forEach((req, remaining) -> {
            BigDecimal ref = context.referencePrice(req);
            if (ref != null) working[0] = working[0].add(risk(req, ref, remaining));
        });
        BigDecimal heat = p.openRisk().add(working[0]).add(newRisk);
        BigDecimal limit = p.equity().multiply(fraction);
        if (heat.compareTo(limit) > 0) {
            return RiskDecision.reject(RejectionCode.PORTFOLIO_HEAT, "portfolio heat " + MoneyFormat.format(heat, p.currency())
                    + " > " + MoneyFormat.format(limit, p.currency()) + " (" + MoneyFormat.percent(fraction) + " of equity)"
                    + (order.protectiveStop() == null ? "; " + order.symbol() + " has no protective stop and counts its whole value" : ""));
        }
        return RiskDecision.APPROVED;
    }

    /** {@code quantity x |price - stop|}, or the whole value {@code quantity x price} without a stop. */
    private static BigDecimal risk(OrderRequest order, BigDecimal price, BigDecimal quantity) {
        return order.protectiveStop() == null ? price.multiply(quantity) : price.subtract(order.protectiveStop().value()).abs().multiply(quantity);
    }
}
