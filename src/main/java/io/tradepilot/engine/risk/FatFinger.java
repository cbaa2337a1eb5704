package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses a single order larger than {@code maxQuantity} units or {@code maxNotional} (quantity x
 * reference price), whichever is given (null: not checked), exits included: a typo is a typo.
 * Seed defaults: 10,000 shares, $100,000.
 */
public record FatFinger(BigDecimal maxQuantity, BigDecimal maxNotional) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        BigDecimal q = order.quantity().value();
        if (maxQuantity != null && q.compareTo(maxQuantity) > 0) {
            return RiskDecision.reject(RejectionCode.FAT_FINGER, order.symbol() + ": order of " + q.toPlainString()
                    + " exceeds the single-order maximum of " + maxQuantity.toPlainString());
        }
        if (maxNotional != null) {
            BigDecimal price = context.referencePrice(order);
            if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
            BigDecimal notional = q.multiply(price);
            if (notional.compareTo(maxNotional) > 0) {
                var c = context.portfolio().currency();
                return RiskDecision.reject(RejectionCode.FAT_FINGER, order.symbol() + ": order value " + MoneyFormat.format(notional, c)
                        + " > " + MoneyFormat.format(maxNotional, c));
            }
        }
        return RiskDecision.APPROVED;
    }
}
