package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.portfolio.PositionStatus;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The strategies' own entry limits ({@link StrategyEntryRules}), one set per strategy id, in the engine's chain
 * after the portfolio-wide state checks. For an entry of a strategy with rules, in this order: outside its trading
 * hours ({@link RejectionCode#STRATEGY_OUTSIDE_HOURS}), inside one of its blackouts
 * ({@link RejectionCode#STRATEGY_BLACKOUT}), or in a symbol where it holds nothing while it already holds
 * {@code maxPositions} positions ({@link RejectionCode#STRATEGY_MAX_POSITIONS}; a position counts from its
 * accepted entry, so two entries decided on one bar cannot both pass). Orders that only reduce a position, orders
 * of strategies without rules and manual orders always pass. Mutable: the engine's writer thread replaces a
 * strategy's rules when a version of it is applied; with no rules at all the check approves at once.
 */
public final class StrategyLimits implements RiskCheck {

    private final ZoneId zone;
    private final Map<StrategyId, StrategyEntryRules> rules = new HashMap<>();

    /** Rules in the market zone {@code zone}. */
    public StrategyLimits(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Sets {@code strategy}'s rules from the next order on; null or {@link StrategyEntryRules#isEmpty() empty} removes them. */
    public void set(StrategyId strategy, StrategyEntryRules r) {
        Objects.requireNonNull(strategy, "strategy");
        if (r == null || r.isEmpty()) rules.remove(strategy);
        else rules.put(strategy, r);
    }

    /** The rules of {@code strategy}, {@link StrategyEntryRules#NONE} when it has none. */
    public StrategyEntryRules of(StrategyId strategy) {
        return rules.getOrDefault(strategy, StrategyEntryRules.NONE);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (rules.isEmpty()) return RiskDecision.APPROVED;
        StrategyEntryRules r = rules.get(order.strategy());
        if (r == null || context.reducesOnly(order)) return RiskDecision.APPROVED;
        ZonedDateTime at = context.now().atZone(zone);
        LocalDate day = at.toLocalDate();
        LocalTime t = at.toLocalTime();
        if (r.entryFrom() != null && (t.isBefore(r.entryFrom()) || t.isAfter(r.entryUntil()))) {
            return RiskDecision.reject(RejectionCode.STRATEGY_OUTSIDE_HOURS, "strategy " + order.strategy() + ": entry at " + t
                    + " outside its trading hours " + r.entryFrom() + "-" + r.entryUntil() + " " + zone);
        }
        for (StrategyEntryRules.Blackout b : r.blackouts()) {
            if (b.contains(day, t)) {
                return RiskDecision.reject(RejectionCode.STRATEGY_BLACKOUT, "strategy " + order.strategy() + ": entry on " + day + " at " + t
                        + " inside its blackout " + b);
            }
        }
        if (r.maxPositions() > 0 && !held(context, order.symbol())) {
            int n = 0;
            for (String s : r.symbols()) if (held(context, s)) n++;
            if (n >= r.maxPositions()) {
                return RiskDecision.reject(RejectionCode.STRATEGY_MAX_POSITIONS, "strategy " + order.strategy() + ": " + order.symbol()
                        + " would be position " + (n + 1) + ", its max_positions is " + r.maxPositions());
            }
        }
        return RiskDecision.APPROVED;
    }

    /** A position in {@code symbol} is open or its entry is working. */
    private static boolean held(RiskContext context, String symbol) {
        Position p = context.portfolio().position(symbol);
        return p != null && (!p.isFlat() || p.status() == PositionStatus.OPENING);
    }
}
