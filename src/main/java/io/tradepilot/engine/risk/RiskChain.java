package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.util.List;

/** Runs checks in order and returns the first rejection, or approval when all approve. */
public final class RiskChain implements RiskCheck {
    private final RiskCheck[] checks;

    public RiskChain(List<RiskCheck> checks) {
        this.checks = checks.toArray(RiskCheck[]::new);
    }

    public static RiskChain of(RiskCheck... checks) {
        return new RiskChain(List.of(checks));
    }

    /** The checks, in the order they run. */
    public List<RiskCheck> checks() {
        return List.of(checks);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        for (RiskCheck c : checks) {
            RiskDecision d = c.check(order, context);
            if (!d.approved()) return d;
        }
        return RiskDecision.APPROVED;
    }
}
