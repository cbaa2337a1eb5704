package io.tradepilot.engine.backtest;

import io.tradepilot.engine.risk.BuyingPower;
import io.tradepilot.engine.risk.CorrelatedPositions;
import io.tradepilot.engine.risk.MaxOpenPositions;
import io.tradepilot.engine.risk.PortfolioHeat;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;
import io.tradepilot.engine.risk.TradingWindow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The account-level limits of a {@link PortfolioBacktest}, built into the engine's risk chain with the live
 * checks in the live order (the host's {@code tradepilot.trading.limits} build the same checks the same way):
 * trading window, max open positions, correlation groups, portfolio heat, buying power. A limit that is off
 * adds no check.
 *
 * @param maxOpenPositions     positions open at once, working entries included (0: off)
 * @param heatCap              largest portfolio heat after an entry as a fraction of equity, a position or entry
 *                             without a protective stop counting its whole value (null: off)
 * @param buyingPower          refuse an entry the available cash or margin cannot pay for (INSUFFICIENT_BUYING_POWER)
 * @param intradaySymbols      symbols traded intraday (MIS): their entries need {@code 1 / misLeverage} of their value as
 *                             margin; every other symbol is delivery (CNC) and paid in full
 * @param misLeverage          the MIS leverage, at least 1
 * @param correlationGroups    group name to its symbols (a symbol in one group at most; empty: off)
 * @param maxPositionsPerGroup open positions per group, at least 1
 * @param tradingWindow        entry and exit hours (null: off; daily bars carry no time of day, so leave it off for them)
 */
public record PortfolioLimits(int maxOpenPositions, BigDecimal heatCap, boolean buyingPower, Set<String> intradaySymbols,
                              BigDecimal misLeverage, Map<String, List<String>> correlationGroups, int maxPositionsPerGroup,
                              TradingWindow tradingWindow) {

    /** No limit at all: the account may borrow without bound (as single backtests always did). */
    public static final PortfolioLimits NONE = new PortfolioLimits(0, null, false, Set.of(), BigDecimal.ONE, Map.of(), 1, null);

    public PortfolioLimits {
        if (maxOpenPositions < 0) throw new IllegalArgumentException("max open positions must be 0 (off) or more: " + maxOpenPositions);
        if (heatCap != null && heatCap.signum() <= 0) throw new IllegalArgumentException("heat cap must be positive: " + heatCap);
        intradaySymbols = Set.copyOf(Objects.requireNonNull(intradaySymbols, "intradaySymbols"));
        Objects.requireNonNull(misLeverage, "misLeverage");
        if (misLeverage.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("MIS leverage must be at least 1: " + misLeverage);
        correlationGroups = Map.copyOf(Objects.requireNonNull(correlationGroups, "correlationGroups"));
        if (maxPositionsPerGroup < 1) throw new IllegalArgumentException("positions per correlation group must be at least 1: " + maxPositionsPerGroup);
    }

    /** Cash only (every entry paid in full), at most {@code maxOpenPositions} positions (0: any number), heat cap (null: off). */
    public static PortfolioLimits cashAccount(int maxOpenPositions, BigDecimal heatCap) {
        return new PortfolioLimits(maxOpenPositions, heatCap, true, Set.of(), BigDecimal.ONE, Map.of(), 1, null);
    }

    public PortfolioLimits withBuyingPower(boolean on) {
        return new PortfolioLimits(maxOpenPositions, heatCap, on, intradaySymbols, misLeverage, correlationGroups, maxPositionsPerGroup, tradingWindow);
    }

    public PortfolioLimits withCorrelationGroups(Map<String, List<String>> groups, int perGroup) {
        return new PortfolioLimits(maxOpenPositions, heatCap, buyingPower, intradaySymbols, misLeverage, groups, perGroup, tradingWindow);
    }

    public PortfolioLimits withIntraday(Set<String> symbols, BigDecimal leverage) {
        return new PortfolioLimits(maxOpenPositions, heatCap, buyingPower, symbols, leverage, correlationGroups, maxPositionsPerGroup, tradingWindow);
    }

    public PortfolioLimits withTradingWindow(TradingWindow window) {
        return new PortfolioLimits(maxOpenPositions, heatCap, buyingPower, intradaySymbols, misLeverage, correlationGroups, maxPositionsPerGroup, window);
    }

    /** The checks, in the live order (see the class documentation). */
    public RiskChain riskChain() {
        List<RiskCheck> checks = new ArrayList<>();
        if (tradingWindow != null) checks.add(tradingWindow);
        if (maxOpenPositions > 0) checks.add(new MaxOpenPositions(maxOpenPositions));
        if (!correlationGroups.isEmpty()) {
            Map<String, String> groupOf = new HashMap<>();
            correlationGroups.forEach((group, symbols) -> symbols.forEach(s -> {
                String other = groupOf.put(s, group);
                if (other != null && !other.equals(group)) throw new IllegalArgumentException(s + " is in both " + other + " and " + group);
            }));
            checks.add(new CorrelatedPositions(groupOf, maxPositionsPerGroup));
        }
        if (heatCap != null) checks.add(new PortfolioHeat(heatCap, false));
        if (buyingPower) {
            Map<String, BigDecimal> leverage = new HashMap<>();
            for (String s : intradaySymbols) leverage.put(s, misLeverage);
            checks.add(new BuyingPower(BigDecimal.ONE, leverage));
        }
        return new RiskChain(checks);
    }

    /** One line for reports: the limits that are on. */
    public String describe() {
        List<String> on = new ArrayList<>();
        if (tradingWindow != null) on.add("trading window " + tradingWindow.entryFrom() + "-" + tradingWindow.entryUntil());
        if (maxOpenPositions > 0) on.add("max " + maxOpenPositions + " open positions");
        if (!correlationGroups.isEmpty()) on.add(correlationGroups.size() + " correlation groups, max " + maxPositionsPerGroup + " each");
        if (heatCap != null) on.add("heat cap " + heatCap.movePointRight(2).stripTrailingZeros().toPlainString() + " % of equity");
        if (buyingPower) on.add(intradaySymbols.isEmpty() ? "buying power (cash, delivery)"
                : "buying power (cash for delivery, margin at " + misLeverage.stripTrailingZeros().toPlainString() + "x for " + intradaySymbols.size() + " intraday symbols)");
        return on.isEmpty() ? "no risk limits (cash may go negative)" : String.join(", ", on);
    }
}
