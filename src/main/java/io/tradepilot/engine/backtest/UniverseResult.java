package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backtests of one strategy over a folder of series: independent single-symbol runs, each alone with
 * the same initial cash. This is not a portfolio: no cash, position or risk limit is shared, so there is
 * no combined equity, return or drawdown (adding the runs' P&L to one starting balance gives figures no
 * account could produce). It reports per-symbol figures only ({@link #rows()}), plus every run's trades
 * in one list ({@link #trades()}, ordered by exit time, then symbol).
 */
public final class UniverseResult {
    private final BigDecimal initialCash;
    private final Map<String, BacktestResult> bySymbol;

    /** One trade of the combined list. */
    public record Trade(String symbol, RoundTrip trip) {
    }

    /**
     * One symbol's run: its closed round trips, their net P&L (after fees), its final equity and its
     * {@link Metrics} (return, drawdown, win rate, ... of that run alone).
     */
    public record SymbolRow(String symbol, int trades, BigDecimal tradesPnlNet, BigDecimal finalEquity, Metrics metrics) {
    }

    public UniverseResult(BigDecimal initialCash, Map<String, BacktestResult> bySymbol) {
        this.initialCash = initialCash;
        this.bySymbol = new TreeMap<>(bySymbol);
    }

    /** The initial cash of each run (every symbol starts with this amount of its own). */
    public BigDecimal initialCash() { return initialCash; }

    public Map<String, BacktestResult> bySymbol() { return bySymbol; }

    public List<Trade> trades() {
        List<Trade> out = new ArrayList<>();
        bySymbol.forEach((s, r) -> r.trades().forEach(t -> out.add(new Trade(s, t))));
        out.sort(Comparator.comparing((Trade t) -> t.trip().exitTime()).thenComparing(Trade::symbol));
        return out;
    }

    /** The per-symbol figures, by symbol. */
    public List<SymbolRow> rows() {
        List<SymbolRow> rows = new ArrayList<>(bySymbol.size());
        bySymbol.forEach((s, r) -> rows.add(new SymbolRow(s, r.trades().size(),
                r.trades().stream().map(RoundTrip::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add), r.finalEquity(), r.metrics())));
        return rows;
    }
}
