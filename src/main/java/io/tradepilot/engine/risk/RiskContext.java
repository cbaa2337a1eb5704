package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.portfolio.Portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a check may look at: the portfolio (read only), the time of the decision and the price at which
 * the order is expected to execute (limit price, else stop price, else the instrument's last mark).
 */
public record RiskContext(Portfolio portfolio, Instant now) {

    /** The price used to value {@code order}, or null when nothing is known. */
    public BigDecimal referencePrice(OrderRequest order) {
        if (order.limitPrice() != null) return order.limitPrice().value();
        if (order.stopPrice() != null) return order.stopPrice().value();
        return portfolio.markOf(order.symbol());
    }

    /** Signed position after the order fills completely. */
    public BigDecimal positionAfter(OrderRequest order) {
        return portfolio.quantity(order.symbol()).add(order.quantity().value().multiply(BigDecimal.valueOf(order.side().sign())));
    }

    /** True when the order does not increase the absolute position (an exit or a partial exit, not a flip). */
    public boolean reducesOnly(OrderRequest order) {
        BigDecimal before = portfolio.quantity(order.symbol());
        BigDecimal after = positionAfter(order);
        return before.signum() != 0 && after.abs().compareTo(before.abs()) < 0 && (after.signum() == 0 || after.signum() == before.signum());
    }
}
