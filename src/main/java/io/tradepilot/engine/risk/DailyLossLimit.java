package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses entries once today's loss (equity now vs. at the start of the day, fees included) reaches
 * {@code fraction} of the start-of-day equity. Orders that only reduce pass.
 */
public record DailyLossLimit(BigDecimal fraction) implements RiskCheck {
    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        var p = context.portfolio();
        BigDecimal loss = p.dayPnl().negate();
        BigDecimal limit = p.dayStartEquity().multiply(fraction);
        if (loss.signum() > 0 && loss.compareTo(limit) >= 0) {
            return RiskDecision.reject(RejectionCode.DAILY_LOSS_LIMIT, "daily loss " + MoneyFormat.format(loss, p.currency())
                    + " >= limit " + MoneyFormat.format(limit, p.currency()) + " (" + MoneyFormat.percent(fraction) + ")");
        }
        return RiskDecision.APPROVED;
    }
}
