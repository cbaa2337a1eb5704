package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
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
    private final int[] stateAt;
    private final BigDecimal[] cashStates;
    private final BigDecimal[] qtyStates;
    private final double[] equity;
    private final List<RoundTrip> trades;
    private final BigDecimal finalCash, finalEquity, openQuantity, fees, realizedPnl;
    private final int workingOrdersAtEnd;
    private final long ordersAccepted, eventCount, eventHash;
    private final boolean closedAtEnd;
    private Metrics metrics;

    /**
     * @param stateAt    per bar, the index into {@code cashStates}/{@code qtyStates} of the cash and
     *                   position after that bar
     */
    BacktestResult(BarArrays data, BacktestConfig config, String strategy, int[] stateAt, BigDecimal[] cashStates,
                   BigDecimal[] qtyStates, double[] equity,
                   List<RoundTrip> trades, BigDecimal finalCash, BigDecimal finalEquity, BigDecimal openQuantity, BigDecimal fees,
                   BigDecimal realizedPnl, int workingOrdersAtEnd, long ordersAccepted, long eventCount, long eventHash, boolean closedAtEnd) {
        this.data = data;
        this.config = config;
        this.strategy = strategy;
        this.stateAt = stateAt;
        this.cashStates = cashStates;
        this.qtyStates = qtyStates;
        this.equity = equity;
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

    public BarArrays data() { return data; }
    public BacktestConfig config() { return config; }
    public String strategy() { return strategy; }
    public int bars() { return stateAt.length; }
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
    /** Equity after each bar as double (for statistics and charts). Shared array: do not modify. */
    public double[] equityValues() { return equity; }

    /** Cash, position and equity after bar {@code i}, exact. */
    public EquityPoint equityAt(int i) {
        BigDecimal close = data.price(data.close()[i]);
        BigDecimal cash = cashStates[stateAt[i]], qty = qtyStates[stateAt[i]];
        return new EquityPoint(Instant.ofEpochMilli(data.startMillis()[i]), cash, qty, cash.add(qty.multiply(close)));
    }

    /** The exact equity curve, one point per bar, built lazily. */
    public List<EquityPoint> equityCurve() {
        return new AbstractList<>() {
            @Override public EquityPoint get(int i) { return equityAt(i); }
            @Override public int size() { return stateAt.length; }
        };
    }

    /** True when a position was open after bar {@code i}. */
    public boolean inMarket(int i) { return qtyStates[stateAt[i]].signum() != 0; }

    public synchronized Metrics metrics() {
        if (metrics == null) metrics = Metrics.of(this);
        return metrics;
    }
}
