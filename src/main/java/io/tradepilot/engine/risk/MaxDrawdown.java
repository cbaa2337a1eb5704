package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Refuses entries while equity is {@code fraction} or more below its peak. Orders that only reduce pass. */
public record MaxDrawdown(BigDecimal fraction) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        BigDecimal dd = context.portfolio().drawdown();
        if (dd.compareTo(fraction) >= 0) {
            return RiskDecision.reject(RejectionCode.MAX_DRAWDOWN, "drawdown " + MoneyFormat.percent(dd.setScale(4, RoundingMode.HALF_EVEN))
                    + " >= limit " + MoneyFormat.percent(fraction));
        }
        return RiskDecision.APPROVED;
    }
}
