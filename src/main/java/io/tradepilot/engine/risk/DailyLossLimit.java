package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses entries once today's loss (equity now vs. at the start of the day, fees included) reaches
 * {@code fraction} of the start-of-day equity, with {@code code}. Orders that only reduce pass. With
 * {@link RejectionCode#DAILY_LOSS_LIMIT} (the default) a refusal also trips the engine; with
 * {@link RejectionCode#DAILY_LOSS_ENTRIES_PAUSED} it only stops entries for the rest of the day
 * (ALPHA-PRIME: at half the daily loss limit), and the next day starts afresh.
 */
public record DailyLossLimit(BigDecimal fraction, RejectionCode code) implements RiskCheck {

    public DailyLossLimit {
        if (fraction == null || fraction.signum() <= 0) throw new IllegalArgumentException("fraction must be positive: " + fraction);
        if (code != RejectionCode.DAILY_LOSS_LIMIT && code != RejectionCode.DAILY_LOSS_ENTRIES_PAUSED) {
            throw new IllegalArgumentException("a daily loss refusal is DAILY_LOSS_LIMIT or DAILY_LOSS_ENTRIES_PAUSED, not " + code);
        }
    }

    /** The hard limit: refuses with {@link RejectionCode#DAILY_LOSS_LIMIT}. */
    public DailyLossLimit(BigDecimal fraction) {
        this(fraction, RejectionCode.DAILY_LOSS_LIMIT);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        var p = context.portfolio();
        BigDecimal loss = p.dayPnl().negate();
        BigDecimal limit = p.dayStartEquity().multiply(fraction);
        if (loss.signum() > 0 && loss.compareTo(limit) >= 0) {
            return RiskDecision.reject(code, (code == RejectionCode.DAILY_LOSS_ENTRIES_PAUSED ? "entries paused for the day: " : "")
                    + "daily loss " + MoneyFormat.format(loss, p.currency())
                    + " >= limit " + MoneyFormat.format(limit, p.currency()) + " (" + MoneyFormat.percent(fraction) + ")");
        }
        return RiskDecision.APPROVED;
    }
}
