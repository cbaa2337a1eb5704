package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The state of one open trade as the exit policies see it. Owned by a {@link TradeManager}, which keeps
 * {@link #remaining()} equal to the engine's position and only tightens {@link #stop()}.
 */
public final class OpenTrade {
    private final String id;
    private final Side side;
    private final BigDecimal entryPrice;
    private final Instant entryTime;
    private final BigDecimal initialQuantity;
    private final BigDecimal initialStop;
    private final BigDecimal lotSize;
    private BigDecimal remaining;
    private BigDecimal stop;
    private BigDecimal highest;
    private BigDecimal lowest;
    private int barsHeld;
    private final Set<String> fired = new HashSet<>();

    public OpenTrade(String id, Side side, BigDecimal entryPrice, Instant entryTime, BigDecimal quantity, BigDecimal stop, BigDecimal lotSize) {
        this.id = id;
        this.side = side;
        this.entryPrice = entryPrice;
        this.entryTime = entryTime;
        this.initialQuantity = quantity;
        this.remaining = quantity;
        this.initialStop = stop;
        this.stop = stop;
        this.lotSize = lotSize;
        this.highest = entryPrice;
        this.lowest = entryPrice;
    }

    public String id() { return id; }
    public Side side() { return side; }
    public boolean isLong() { return side == Side.BUY; }
    public BigDecimal entryPrice() { return entryPrice; }
    public Instant entryTime() { return entryTime; }
    public BigDecimal initialQuantity() { return initialQuantity; }
    public BigDecimal remaining() { return remaining; }
    /** The current protective stop, null when the trade has none. */
    public BigDecimal stop() { return stop; }
    public BigDecimal initialStop() { return initialStop; }
    public BigDecimal lotSize() { return lotSize; }
    /** Highest high seen since entry (entry price at first). */
    public BigDecimal highest() { return highest; }
    /** Lowest low seen since entry. */
    public BigDecimal lowest() { return lowest; }
    /** Completed bars evaluated since the entry fill (1 on the entry bar's close). */
    public int barsHeld() { return barsHeld; }

    /** True the first time for {@code rule}, false afterwards: rules that fire once per trade. */
    public boolean fireOnce(String rule) {
        return fired.add(rule);
    }

    public boolean hasFired(String rule) {
        return fired.contains(rule);
    }

    /** Signed move from the entry in the trade's favour, as a fraction of the entry price. */
    public BigDecimal favourableMove(BigDecimal price) {
        BigDecimal d = isLong() ? price.subtract(entryPrice) : entryPrice.subtract(price);
        return d.divide(entryPrice, java.math.MathContext.DECIMAL64);
    }

    /** True when {@code price} is at or beyond the stop (long: at or below; short: at or above). */
    public boolean stopBreachedAt(BigDecimal price) {
        if (stop == null) return false;
        return isLong() ? price.compareTo(stop) <= 0 : price.compareTo(stop) >= 0;
    }

    /** True when {@code candidate} is a tighter stop than the current one (or there is none). */
    public boolean tightens(BigDecimal candidate) {
        if (stop == null) return true;
        return isLong() ? candidate.compareTo(stop) > 0 : candidate.compareTo(stop) < 0;
    }

    void observe(BigDecimal high, BigDecimal low) {
        barsHeld++;
        if (high.compareTo(highest) > 0) highest = high;
        if (low.compareTo(lowest) < 0) lowest = low;
    }

    void setRemaining(BigDecimal q) { remaining = q; }

    void setStop(BigDecimal s) { stop = s; }
}
