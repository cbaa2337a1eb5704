package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/** As {@link DailyLossLimit}, with the limit as an amount of money (seed default $5,000) instead of a fraction. */
public record MaxDailyLossAmount(BigDecimal amount) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        var p = context.portfolio();
        BigDecimal loss = p.dayPnl().negate();
        if (loss.signum() > 0 && loss.compareTo(amount) >= 0) {
            return RiskDecision.reject(RejectionCode.DAILY_LOSS_LIMIT, "daily loss " + MoneyFormat.format(loss, p.currency())
                    + " >= limit " + MoneyFormat.format(amount, p.currency()));
        }
        return RiskDecision.APPROVED;
    }
}
