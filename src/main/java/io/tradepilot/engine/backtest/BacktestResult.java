package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a backtest. Amounts are exact; {@link #equityValues()} is the same curve in
 * {@code double} for statistics. {@code openQuantity} is the signed position left open at the end
 * (zero after {@code closeAtEnd}), valued in {@code finalEquity} at the last close.
 */
public final class BacktestResult {
    private final BarArrays data;
    private final BacktestConfig config;
    private final String strategy;
    private final int bars;
    private final int[] stateStart;
    private final BigDecimal[] cashStates;
    private final BigDecimal[] qtyStates;
    private final double lastEquity;
    private int[] stateAt;
    private double[] equity;
    private final List<RoundTrip> trades;
    private final BigDecimal finalCash, finalEquity, openQuantity, fees, realizedPnl;
    private final int workingOrdersAtEnd;
    private final long ordersAccepted, eventCount, eventHash;
    private final boolean closedAtEnd;
    private Metrics metrics;

    /**
     * @param stateStart per state of {@code cashStates}/{@code qtyStates}, ascending, the first bar after
     *                   which it holds (state 0 from bar 0); a state holds until the next one starts
     * @param lastEquity the last bar's equity when it is not the last state's cash + position x close
     *                   (a close at the end), else NaN
     */
    BacktestResult(BarArrays data, BacktestConfig config, String strategy, int[] stateStart, BigDecimal[] cashStates,
                   BigDecimal[] qtyStates, double lastEquity,
                   List<RoundTrip> trades, BigDecimal finalCash, BigDecimal finalEquity, BigDecimal openQuantity, BigDecimal fees,
                   BigDecimal realizedPnl, int workingOrdersAtEnd, long ordersAccepted, long eventCount, long eventHash, boolean closedAtEnd) {
        this.data = data;
        this.config = config;
        this.strategy = strategy;
        this.bars = data.size();
        this.stateStart = stateStart;
        this.cashStates = cashStates;
        this.qtyStates = qtyStates;
        this.lastEquity = lastEquity;
        this.trades = trades;
        this.finalCash = finalCash;
        this.finalEquity = finalEquity;
        this.openQuantity = openQuantity;
        this.fees = fees;
        this.realizedPnl = realizedPnl;
        this.workingOrdersAtEnd = workingOrdersAtEnd;
        this.ordersAccepted = ordersAccepted;
        this.eventCount = eventCount;
        this.eventHash = eventHash;
        this.closedAtEnd = closedAtEnd;
    }

    /**
     * A result with its per-bar curve given.
     *
     * @param stateAt    per bar, the index into {@code cashStates}/{@code qtyStates} of the cash and
     *                   position after that bar
     */
    BacktestResult(BarArrays data, BacktestConfig config, String strategy, int[] stateAt, BigDecimal[] cashStates,
                   BigDecimal[] qtyStates, double[] equity,
                   List<RoundTrip> trades, BigDecimal finalCash, BigDecimal finalEquity, BigDecimal openQuantity, BigDecimal fees,
                   BigDecimal realizedPnl, int workingOrdersAtEnd, long ordersAccepted, long eventCount, long eventHash, boolean closedAtEnd) {
        this(data, config, strategy, new int[]{0}, cashStates, qtyStates, Double.NaN, trades, finalCash, finalEquity, openQuantity,
                fees, realizedPnl, workingOrdersAtEnd, ordersAccepted, eventCount, eventHash, closedAtEnd);
        this.stateAt = stateAt;
        this.equity = equity;
    }

    /**
     * A result assembled outside {@link Backtest} from the same (cash, position) states a run records, for
     * replays that derive the fills of a strategy without driving the engine (the research sweep's kernel for
     * sma-cross). Contract as the run's own result; no position is closed at the end, the event hash is the FNV
     * offset basis (events are not hashed) and {@code eventCount} is what the caller counted (−1: not counted).
     *
     * @param stateStart per state, ascending, the first bar after which it holds (state 0 from bar 0)
     */
    public static BacktestResult ofStates(BarArrays data, BacktestConfig config, String strategy, int[] stateStart, BigDecimal[] cashStates,
                                          BigDecimal[] qtyStates, List<RoundTrip> trades, BigDecimal finalCash, BigDecimal finalEquity,
                                          BigDecimal openQuantity, BigDecimal fees, BigDecimal realizedPnl, int workingOrdersAtEnd,
                                          long ordersAccepted, long eventCount) {
        return new BacktestResult(data, config, strategy, stateStart, cashStates, qtyStates, Double.NaN, trades, finalCash, finalEquity,
                openQuantity, fees, realizedPnl, workingOrdersAtEnd, ordersAccepted, eventCount, 0xcbf29ce484222325L, false);
    }

    public BarArrays data() { return data; }
    public BacktestConfig config() { return config; }
    public String strategy() { return strategy; }
    public int bars() { return bars; }
    /** Closed round trips, FIFO, in closing order. */
    public List<RoundTrip> trades() { return trades; }
    public BigDecimal finalCash() { return finalCash; }
    public BigDecimal finalEquity() { return finalEquity; }
    public BigDecimal openQuantity() { return openQuantity; }
    public BigDecimal fees() { return fees; }
    /** Gross realized P&L, average cost. */
    public BigDecimal realizedPnl() { return realizedPnl; }
    /** The last close, exact, or null for an empty run. */
    public BigDecimal lastClose() { return bars() == 0 ? null : data.price(data.close()[bars() - 1]); }
    public int workingOrdersAtEnd() { return workingOrdersAtEnd; }
    public long ordersAccepted() { return ordersAccepted; }
    public long eventCount() { return eventCount; }
    /**
     * FNV-1a hash of every event's text, in order: equal for equal runs. Only computed with
     * {@link BacktestConfig#hashEvents()}; otherwise the constant FNV offset basis.
     */
    public long eventHash() { return eventHash; }
    public boolean closedAtEnd() { return closedAtEnd; }
    /** Equity after each bar as double (for statistics and charts), formed on first use. Shared array: do not modify. */
    public synchronized double[] equityValues() {
        if (equity == null) {
            int[] at = stateAt();
            long[] c = data.close();
            double unit = Math.pow(10, -data.priceDecimals());
            double[] cashD = new double[cashStates.length], qtyD = new double[qtyStates.length];
            for (int k = 0; k < cashD.length; k++) {
                cashD[k] = cashStates[k].doubleValue();
                qtyD[k] = qtyStates[k].doubleValue();
            }
            double[] e = new double[bars];
            for (int i = 0; i < bars; i++) e[i] = cashD[at[i]] + qtyD[at[i]] * (c[i] * unit);
            if (!Double.isNaN(lastEquity)) e[bars - 1] = lastEquity;
            equity = e;
        }
        return equity;
    }

    /** Per bar, the index of the state (cash, position) after it; formed on first use. */
    private synchronized int[] stateAt() {
        if (stateAt == null) {
            int[] at = new int[bars];
            for (int k = 0; k < stateStart.length; k++) {
                int to = k + 1 < stateStart.length ? stateStart[k + 1] : bars;
                Arrays.fill(at, stateStart[k], to, k);
            }
            stateAt = at;
        }
        return stateAt;
    }

    /** Cash, position and equity after bar {@code i}, exact. */
    public EquityPoint equityAt(int i) {
        BigDecimal close = data.price(data.close()[i]);
        int[] at = stateAt();
        BigDecimal cash = cashStates[at[i]], qty = qtyStates[at[i]];
        return new EquityPoint(Instant.ofEpochMilli(data.startMillis()[i]), cash, qty, cash.add(qty.multiply(close)));
    }

    /** The exact equity curve, one point per bar, built lazily. */
    public List<EquityPoint> equityCurve() {
        return new AbstractList<>() {
            @Override public EquityPoint get(int i) { return equityAt(i); }
            @Override public int size() { return bars; }
        };
    }

    /** The number of bars after which a position was open (the bars where {@link #inMarket} is true), counted per state. */
    synchronized int barsInMarket() {
        if (stateAt != null) {
            int n = 0;
            for (int i = 0; i < bars; i++) if (qtyStates[stateAt[i]].signum() != 0) n++;
            return n;
        }
        int n = 0;
        for (int k = 0; k < stateStart.length; k++) {
            int to = k + 1 < stateStart.length ? stateStart[k + 1] : bars;
            if (qtyStates[k].signum() != 0) n += to - stateStart[k];
        }
        return n;
    }

    /** True when a position was open after bar {@code i}. */
    public boolean inMarket(int i) { return qtyStates[stateAt()[i]].signum() != 0; }

    public synchronized Metrics metrics() {
        if (metrics == null) metrics = Metrics.of(this);
        return metrics;
    }
}
