package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-symbol backtests of one strategy over a universe, and their combination.
 *
 * <p>Combination: each symbol ran alone with the same initial cash, so the combined account is the
 * initial cash plus the sum of every symbol's P&L: {@code combined(t) = cash + Σ (equity_s(t) - cash)},
 * where a symbol's equity is its initial cash before its first bar and is carried forward over times it
 * has no bar. No cross-symbol capital, position or risk limit is applied (say so when reading it).
 * Combined trades are every symbol's round trips ordered by exit time, then symbol.
 */
public final class UniverseResult {
    private final BigDecimal initialCash;
    private final Map<String, BacktestResult> bySymbol;
    private final long[] times;
    private final double[] equity;

    /** One trade of the combined list. */
    public record Trade(String symbol, RoundTrip trip) {
    }

    public UniverseResult(BigDecimal initialCash, Map<String, BacktestResult> bySymbol) {
        this.initialCash = initialCash;
        this.bySymbol = new TreeMap<>(bySymbol);
        TreeMap<Long, Double> delta = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        for (BacktestResult r : this.bySymbol.values()) for (long t : r.data().startMillis()) all.add(t);
        long[] ts = all.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        double[] eq = new double[ts.length];
        double cash = initialCash.doubleValue();
        Arrays.fill(eq, cash);
        for (BacktestResult r : this.bySymbol.values()) {
            long[] st = r.data().startMillis();
            double[] e = r.equityValues();
            int j = 0;
            double last = cash;
            for (int i = 0; i < ts.length; i++) {
                while (j < st.length && st[j] <= ts[i]) last = e[j++];
                eq[i] += last - cash;
            }
        }
        this.times = ts;
        this.equity = eq;
    }

    public BigDecimal initialCash() { return initialCash; }
    public Map<String, BacktestResult> bySymbol() { return bySymbol; }
    /** Bar start times of the union of all symbols' bars, ascending (epoch millis). */
    public long[] times() { return times; }
    /** Combined equity at each of {@link #times()}. */
    public double[] equity() { return equity; }

    public List<Trade> trades() {
        List<Trade> out = new ArrayList<>();
        bySymbol.forEach((s, r) -> r.trades().forEach(t -> out.add(new Trade(s, t))));
        out.sort(Comparator.comparing((Trade t) -> t.trip().exitTime()).thenComparing(Trade::symbol));
        return out;
    }

    /** Drawdown from the running peak (starting at the initial cash) at each time, as a fraction. */
    public double[] drawdown() {
        double peak = initialCash.doubleValue();
        double[] dd = new double[equity.length];
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? (peak - equity[i]) / peak : 0;
        }
        return dd;
    }

    /** Combined statistics: net P&L exact; the rest doubles, NaN where undefined. */
    public record Summary(int symbols, int trades, BigDecimal netPnl, double totalReturn, double maxDrawdown, double winRate,
                          double profitFactor, double averageR) {
    }

    public Summary summary() {
        List<Trade> ts = trades();
        BigDecimal net = BigDecimal.ZERO, wins = BigDecimal.ZERO, losses = BigDecimal.ZERO, sumR = BigDecimal.ZERO;
        int won = 0, withR = 0;
        for (Trade t : ts) {
            BigDecimal p = t.trip().netPnl();
            net = net.add(p);
            if (p.signum() > 0) {
                won++;
                wins = wins.add(p);
            } else {
                losses = losses.add(p.negate());
            }
            BigDecimal r = t.trip().rMultiple();
            if (r != null) {
                sumR = sumR.add(r);
                withR++;
            }
        }
        double maxDd = 0;
        for (double d : drawdown()) maxDd = Math.max(maxDd, d);
        double cash = initialCash.doubleValue();
        double total = equity.length == 0 ? 0 : equity[equity.length - 1] / cash - 1;
        return new Summary(bySymbol.size(), ts.size(), net, total, maxDd, ts.isEmpty() ? Double.NaN : (double) won / ts.size(),
                losses.signum() == 0 ? Double.NaN : wins.divide(losses, MathContext.DECIMAL64).doubleValue(),
                withR == 0 ? Double.NaN : sumR.divide(BigDecimal.valueOf(withR), MathContext.DECIMAL64).doubleValue());
    }
}
