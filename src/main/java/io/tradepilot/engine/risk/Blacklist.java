package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.util.Set;

/** Refuses entries in listed symbols; exits from them stay possible. */
public record Blacklist(Set<String> symbols) implements RiskCheck {
    public Blacklist {
        symbols = Set.copyOf(symbols);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (symbols.contains(order.symbol()) && !context.reducesOnly(order)) {
            return RiskDecision.reject(RejectionCode.BLACKLISTED, order.symbol() + " is blacklisted");
        }
        return RiskDecision.APPROVED;
    }
}
