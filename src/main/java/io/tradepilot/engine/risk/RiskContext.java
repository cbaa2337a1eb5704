package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.portfolio.Portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a check may look at: the portfolio (read only), the time of the decision, the entry orders still
 * working at the venue ({@link WorkingEntries}: the engine passes its own, so that the open-position, group,
 * heat and buying-power limits count an accepted entry from its acceptance, not only from its fill) and the
 * price at which an order is expected to execute (limit price, else stop price, else the instrument's last mark).
 */
public record RiskContext(Portfolio portfolio, Instant now, WorkingEntries workingEntries) {

    public RiskContext {
        java.util.Objects.requireNonNull(workingEntries, "workingEntries");
    }

    /** A context without working entries. */
    public RiskContext(Portfolio portfolio, Instant now) {
        this(portfolio, now, WorkingEntries.NONE);
    }

    /**
     * Symbols without a position that have a working entry (positions about to open), other than
     * {@code except}; in a fixed order.
     */
    public java.util.Set<String> openingSymbols(String except) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        workingEntries.forEach((req, remaining) -> {
            if (!req.symbol().equals(except) && portfolio.quantity(req.symbol()).signum() == 0) out.add(req.symbol());
        });
        return out;
    }

    /** True when {@code symbol} has no position but a working entry (a position about to open). */
    public boolean opening(String symbol) {
        if (portfolio.quantity(symbol).signum() != 0) return false;
        boolean[] found = new boolean[1];
        workingEntries.forEach((req, remaining) -> found[0] |= req.symbol().equals(symbol));
        return found[0];
    }

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
