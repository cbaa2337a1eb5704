package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.portfolio.Portfolio;

import java.util.Map;
import java.util.Objects;

/**
 * Refuses ({@link RejectionCode#MAX_CORRELATED_POSITIONS}) an order that would open a position in a
 * symbol of a correlation group (a sector, or any set of symbols that move together) while
 * {@code maxPerGroup} positions in that group's symbols are already open (ALPHA-PRIME: one correlated
 * position). Adding to, reducing or reversing a position already open never opens a new one and passes;
 * a symbol in no group passes. A symbol of the group without a position but with a working entry
 * ({@link RiskContext#workingEntries()}) counts as open.
 *
 * @param groupOfSymbol the group each symbol belongs to (a symbol belongs to at most one group)
 * @param maxPerGroup   open positions allowed per group, at least 1
 */
public record CorrelatedPositions(Map<String, String> groupOfSymbol, int maxPerGroup) implements RiskCheck {
    public CorrelatedPositions {
        groupOfSymbol = Map.copyOf(Objects.requireNonNull(groupOfSymbol, "groupOfSymbol"));
        if (maxPerGroup < 1) throw new IllegalArgumentException("positions per correlation group must be at least 1: " + maxPerGroup);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        String group = groupOfSymbol.get(order.symbol());
        Portfolio p = context.portfolio();
        if (group == null || p.quantity(order.symbol()).signum() != 0 || context.opening(order.symbol())) return RiskDecision.APPROVED;
        int open = openIn(p, group);
        for (String s : context.openingSymbols(order.symbol())) if (group.equals(groupOfSymbol.get(s))) open++;
        if (open >= maxPerGroup) {
            return RiskDecision.reject(RejectionCode.MAX_CORRELATED_POSITIONS, order.symbol() + ": " + open + " position"
                    + (open == 1 ? "" : "s") + " open in correlation group " + group + ", the maximum is " + maxPerGroup);
        }
        return RiskDecision.APPROVED;
    }

    /** Open positions in the symbols of {@code group}. */
    public int openIn(Portfolio p, String group) {
        int n = 0;
        for (int i = 0; i < p.instrumentCount(); i++) {
            var position = p.position(i);
            if (!position.isFlat() && group.equals(groupOfSymbol.get(position.instrument().symbol()))) n++;
        }
        return n;
    }
}
