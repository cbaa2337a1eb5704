package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.risk.RejectionCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link PortfolioBacktest}: one account. Amounts are exact. The account is recorded after
 * every time step ({@link #steps()}: cash, equity, open positions); {@link #equityValues()} is the same curve
 * as doubles for statistics. Trades carry their symbol; refusals their reason; {@link #contributions()} splits
 * the account's P&L by symbol.
 *
 * <p>Accounting identity, exact: {@code finalEquity = initialCash + sum(trades' pnl_net) + sum(open positions'
 * net mark-to-market)}, where an open position's net mark-to-market is its FIFO lots' P&L at the last close
 * less the entry fees they carry ({@link Position#fifoUnrealizedNet}).
 */
public final class PortfolioResult {

    /** An order the engine refused: when, which symbol, the stable reason code and the message with its numbers. */
    public record Refusal(Instant time, String symbol, RejectionCode code, String message) {
    }

    /** A position left open at the end, marked at its last close. */
    public record OpenPosition(String symbol, BigDecimal quantity, BigDecimal mark, BigDecimal marketValue, BigDecimal pnlNet) {
    }

    /**
     * One symbol's share of the account's result: its bars, closed round trips (gross, fees of both legs, net), its
     * open position's net mark-to-market, their sum ({@code contribution}), and the orders refused in it.
     * The contributions add up exactly to {@code finalEquity - initialCash}.
     */
    public record Contribution(String symbol, int bars, int trades, BigDecimal tradesPnlGross, BigDecimal tradesFees,
                               BigDecimal tradesPnlNet, BigDecimal openQuantity, BigDecimal openPnlNet, BigDecimal contribution,
                               long refusals) {
    }

    /** The account after one time step. */
    public record Step(Instant time, BigDecimal cash, BigDecimal equity, int openPositions) {
    }

    private final BacktestConfig config;
    private final String strategy;
    private final List<BarArrays> data;
    private final long[] times;
    private final BigDecimal[] cash;
    private final BigDecimal[] equity;
    private final int[] openPositions;
    private final List<RoundTrip> trades;
    private final BigDecimal finalCash, finalEquity, fees, realizedPnlGross;
    private final List<OpenPosition> open;
    private final List<Refusal> refusals;
    private final Map<RejectionCode, Long> refusalsByReason;
    private final int workingOrdersAtEnd;
    private final long ordersAccepted, eventCount, eventHash, bars;
    private final boolean closedAtEnd;
    private double[] equityValues;
    private Metrics metrics;

    PortfolioResult(BacktestConfig config, String strategy, List<BarArrays> data, long[] times, BigDecimal[] cash, BigDecimal[] equity,
                    int[] openPositions, List<RoundTrip> trades, Portfolio portfolio, List<Refusal> refusals,
                    Map<RejectionCode, Long> refusalsByReason, int workingOrdersAtEnd, long ordersAccepted, long eventCount, long eventHash,
                    boolean closedAtEnd, long bars) {
        this.config = config;
        this.strategy = strategy;
        this.data = data;
        this.times = times;
        this.cash = cash;
        this.equity = equity;
        this.openPositions = openPositions;
        this.trades = trades;
        this.finalCash = portfolio.cash();
        this.finalEquity = portfolio.equity();
        this.fees = portfolio.fees();
        this.realizedPnlGross = portfolio.realizedPnl();
        List<OpenPosition> o = new ArrayList<>();
        for (int i = 0; i < portfolio.instrumentCount(); i++) {
            Position p = portfolio.position(i);
            if (p.isFlat()) continue;
            String symbol = p.instrument().symbol();
            BigDecimal mark = portfolio.markOf(symbol);
            o.add(new OpenPosition(symbol, p.quantity(), mark, p.quantity().multiply(mark), p.fifoUnrealizedNet(mark)));
        }
        o.sort(java.util.Comparator.comparing(OpenPosition::symbol));
        this.open = List.copyOf(o);
        this.refusals = List.copyOf(refusals);
        EnumMap<RejectionCode, Long> byReason = new EnumMap<>(RejectionCode.class);
        byReason.putAll(refusalsByReason);
        this.refusalsByReason = Collections.unmodifiableMap(byReason);
        this.workingOrdersAtEnd = workingOrdersAtEnd;
        this.ordersAccepted = ordersAccepted;
        this.eventCount = eventCount;
        this.eventHash = eventHash;
        this.closedAtEnd = closedAtEnd;
        this.bars = bars;
    }

    public BacktestConfig config() { return config; }
    /** The id of the strategy the run used (each instrument ran its own instance). */
    public String strategy() { return strategy; }
    /** Each instrument's bars as run (at the common price scale), by symbol. */
    public List<BarArrays> data() { return data; }
    public List<String> symbols() { return data.stream().map(a -> a.instrument().symbol()).toList(); }
    public ZoneId zone() { return data.getFirst().zone(); }
    /** Bars processed, all instruments. */
    public long bars() { return bars; }
    /** Time steps: distinct bar start times over all instruments. */
    public int stepCount() { return times.length; }
    public BigDecimal initialCash() { return config.initialCash(); }
    public BigDecimal finalCash() { return finalCash; }
    /** Cash plus every open position at its last close (after the close at the end, when asked for). */
    public BigDecimal finalEquity() { return finalEquity; }
    /** Every fill's charges, an open position's entry included. */
    public BigDecimal fees() { return fees; }
    /** Realized P&L before fees, average cost, all symbols. */
    public BigDecimal realizedPnlGross() { return realizedPnlGross; }
    /** Closed round trips (FIFO), every symbol, in closing order; each names its symbol. */
    public List<RoundTrip> trades() { return trades; }
    public List<OpenPosition> openPositions() { return open; }
    /** Every refused order, in the order they happened. */
    public List<Refusal> refusals() { return refusals; }
    /** Refused orders counted by reason code (codes that never happened are absent). */
    public Map<RejectionCode, Long> refusalsByReason() { return refusalsByReason; }
    public int workingOrdersAtEnd() { return workingOrdersAtEnd; }
    public long ordersAccepted() { return ordersAccepted; }
    public long eventCount() { return eventCount; }
    /** As {@link BacktestResult#eventHash()}: only computed with {@link BacktestConfig#hashEvents()}. */
    public long eventHash() { return eventHash; }
    public boolean closedAtEnd() { return closedAtEnd; }

    public BigDecimal tradesPnlGross() { return sum(trades, true); }
    public BigDecimal tradesPnlNet() { return sum(trades, false); }

    /** Sum of the open positions' net mark-to-market. */
    public BigDecimal openPnlNet() {
        BigDecimal s = BigDecimal.ZERO;
        for (OpenPosition p : open) s = s.add(p.pnlNet());
        return s;
    }

    /**
     * {@code finalEquity - (initialCash + tradesPnlNet + openPnlNet)}: zero, exactly, when every fill is
     * accounted for (see the class documentation).
     */
    public BigDecimal reconciliationDifference() {
        return finalEquity.subtract(initialCash().add(tradesPnlNet()).add(openPnlNet()));
    }

    /** The account after step {@code i}. */
    public Step step(int i) {
        return new Step(Instant.ofEpochMilli(times[i]), cash[i], equity[i], openPositions[i]);
    }

    /** The account after every time step, in time order. */
    public List<Step> steps() {
        return new java.util.AbstractList<>() {
            @Override public Step get(int i) { return step(i); }
            @Override public int size() { return times.length; }
        };
    }

    /** Each step's start time, epoch milliseconds. Shared array: do not modify. */
    public long[] stepMillis() { return times; }

    /** The lowest cash after any step (below zero: a fill cost more than its entry was checked for). */
    public BigDecimal minCash() {
        BigDecimal m = config.initialCash();
        for (BigDecimal c : cash) if (c.compareTo(m) < 0) m = c;
        return m;
    }

    /** The most positions open after any step. */
    public int maxOpenPositions() {
        int m = 0;
        for (int n : openPositions) m = Math.max(m, n);
        return m;
    }

    /** Equity after each step as double (statistics, charts), formed on first use. Shared array: do not modify. */
    public synchronized double[] equityValues() {
        if (equityValues == null) {
            double[] e = new double[equity.length];
            for (int i = 0; i < e.length; i++) e[i] = equity[i].doubleValue();
            equityValues = e;
        }
        return equityValues;
    }

    /**
     * The account's statistics ({@link Metrics}), per time step: returns, drawdown and exposure (steps with at
     * least one open position) of the one account; win rate, profit factor and expectancy over every symbol's
     * round trips, net of fees.
     */
    public synchronized Metrics metrics() {
        if (metrics == null) {
            int inMarket = 0;
            for (int n : openPositions) if (n > 0) inMarket++;
            metrics = Metrics.of(initialCash().doubleValue(), equityValues(), times, finalEquity.doubleValue(), config.periodsPerYear(),
                    trades, inMarket);
        }
        return metrics;
    }

    /** Each symbol's share of the result, by symbol; they add up to {@code finalEquity - initialCash}. */
    public List<Contribution> contributions() {
        Map<String, List<RoundTrip>> bySymbol = new LinkedHashMap<>();
        Map<String, Integer> bars = new LinkedHashMap<>();
        for (BarArrays a : data) {
            bySymbol.put(a.instrument().symbol(), new ArrayList<>());
            bars.put(a.instrument().symbol(), a.size());
        }
        for (RoundTrip t : trades) bySymbol.get(t.symbol()).add(t);
        Map<String, Long> refused = new java.util.HashMap<>();
        for (Refusal r : refusals) refused.merge(r.symbol(), 1L, Long::sum);
        Map<String, OpenPosition> openBySymbol = new java.util.HashMap<>();
        for (OpenPosition p : open) openBySymbol.put(p.symbol(), p);
        List<Contribution> rows = new ArrayList<>();
        bySymbol.forEach((symbol, list) -> {
            BigDecimal fees = BigDecimal.ZERO;
            for (RoundTrip t : list) fees = fees.add(t.fees());
            OpenPosition p = openBySymbol.get(symbol);
            BigDecimal net = sum(list, false);
            BigDecimal openNet = p == null ? BigDecimal.ZERO : p.pnlNet();
            rows.add(new Contribution(symbol, bars.get(symbol), list.size(), sum(list, true), fees, net,
                    p == null ? BigDecimal.ZERO : p.quantity(), openNet, net.add(openNet), refused.getOrDefault(symbol, 0L)));
        });
        return rows;
    }

    private static BigDecimal sum(List<RoundTrip> trades, boolean gross) {
        BigDecimal s = BigDecimal.ZERO;
        for (RoundTrip t : trades) s = s.add(gross ? t.grossPnl() : t.netPnl());
        return s;
    }
}
