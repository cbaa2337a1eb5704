package io.tradepilot.engine.portfolio;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.orders.Fill;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cash, positions and marks in one currency. Owned by the engine's writer thread; others read
 * {@link #snapshot()}.
 *
 * <p>Contract: {@code equity() == cash() + sum(quantity x mark)} exactly at all times, where a
 * position's mark is the last price given by {@link #mark}/{@link #markScaled}, or its last fill price
 * before any mark. Fills move cash by {@code -signed quantity x price - commission}.
 *
 * <p>Hot path: instruments get an integer slot; {@link #markScaled} takes a price as a scaled long and
 * allocates nothing unless the equity reaches a new peak. Peak tracking is exact: while every open
 * quantity is integral and all marks share one scale, the market value is kept as an exact scaled long
 * and compared with {@code floor((peak - cash) x 10^scale)}; otherwise it falls back to BigDecimal.
 */
public final class Portfolio {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private final Currency currency;
    private final BigDecimal initialCash;
    private BigDecimal cash;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal peak;
    private BigDecimal dayStart;
    private final List<RoundTrip> roundTrips = new ArrayList<>();

    private final Map<String, Integer> slots = new HashMap<>();
    private Instrument[] instruments = new Instrument[4];
    private Position[] positions = new Position[4];
    private long[] markScaled = new long[4];
    private BigDecimal[] markExact = new BigDecimal[4];
    private long[] qtyUnits = new long[4];
    private boolean[] qtyIntegral = new boolean[4];
    private boolean[] hasMark = new boolean[4];
    private int count;
    private Instrument lastInstrument;
    private int lastSlot;

    private int scale = -1;             // common decimals of scaled marks, -1 before the first
    private boolean fast = true;        // market value tracked as an exact scaled long
    private long marketValueScaled;
    private long peakThreshold;

    public Portfolio(Money initialCash) {
        Objects.requireNonNull(initialCash, "initialCash");
        this.currency = initialCash.currency();
        this.initialCash = initialCash.amount();
        this.cash = initialCash.amount();
        this.peak = cash;
        this.dayStart = cash;
        recomputeFast();
    }

    /** The slot of an instrument, registering it on first use. Refuses an instrument in another currency. */
    public int slotOf(Instrument instrument) {
        if (instrument == lastInstrument) return lastSlot; // the same object as last time: no map lookup
        Integer s = slots.get(instrument.symbol());
        if (s != null) {
            lastInstrument = instrument;
            lastSlot = s;
            return s;
        }
        if (!instrument.currency().equals(currency)) throw new IllegalArgumentException("portfolio in " + currency + " cannot hold " + instrument.symbol() + " in " + instrument.currency());
        if (count == instruments.length) grow();
        int slot = count++;
        instruments[slot] = instrument;
        positions[slot] = new Position(instrument);
        qtyIntegral[slot] = true;
        slots.put(instrument.symbol(), slot);
        return slot;
    }

    private void grow() {
        int n = instruments.length * 2;
        instruments = Arrays.copyOf(instruments, n);
        positions = Arrays.copyOf(positions, n);
        markScaled = Arrays.copyOf(markScaled, n);
        markExact = Arrays.copyOf(markExact, n);
        qtyUnits = Arrays.copyOf(qtyUnits, n);
        qtyIntegral = Arrays.copyOf(qtyIntegral, n);
        hasMark = Arrays.copyOf(hasMark, n);
    }

    /**
     * Applies a fill: moves cash, updates the position, collects closed round trips (returned). The
     * peak equity is not updated here (positions are still marked at the last mark); the next mark does.
     */
    public List<RoundTrip> apply(Fill fill) {
        int slot = slotOf(fill.instrument());
        Position p = positions[slot];
        List<RoundTrip> closed = p.apply(fill);
        roundTrips.addAll(closed);
        BigDecimal notional = fill.quantity().value().multiply(fill.price().value());
        cash = fill.side().sign() > 0 ? cash.subtract(notional) : cash.add(notional);
        BigDecimal commission = fill.commission().amount();
        // a zero commission at a scale not above theirs leaves cash and fees exactly as they are (value and scale)
        if (commission.signum() != 0 || commission.scale() > cash.scale()) cash = cash.subtract(commission);
        if (commission.signum() != 0 || commission.scale() > fees.scale()) fees = fees.add(commission);
        if (!hasMark[slot]) setMark(slot, fill.price().value());
        BigDecimal q = p.quantity();
        try {
            qtyUnits[slot] = q.longValueExact();
            qtyIntegral[slot] = true;
        } catch (ArithmeticException fractional) {
            qtyIntegral[slot] = false;
        }
        recomputeFast(); // the peak moves only with marks: a fill values positions at stale marks
        return closed;
    }

    /** Marks an instrument at an exact price. */
    public void mark(Instrument instrument, Price price) {
        int slot = slotOf(instrument);
        setMark(slot, price.value());
        recomputeFast();
        updatePeak();
    }

    private void setMark(int slot, BigDecimal price) {
        hasMark[slot] = true;
        markExact[slot] = price;
        if (scale >= 0) {
            try {
                markScaled[slot] = price.movePointRight(scale).longValueExact();
            } catch (ArithmeticException notAtScale) {
                fast = false;
            }
        }
    }

    /**
     * Marks slot {@code slot} at {@code price / 10^decimals}. Allocation-free unless a new equity peak is
     * reached or the fast representation does not apply.
     */
    public void markScaled(int slot, long price, int decimals) {
        if (scale != decimals) {
            if (scale < 0) {
                scale = decimals;
                hasMark[slot] = true;
                markScaled[slot] = price;
                markExact[slot] = BigDecimal.valueOf(price, decimals);
                recomputeFast();
            } else {
                fast = false;
                hasMark[slot] = true;
                markExact[slot] = BigDecimal.valueOf(price, decimals);
            }
            updatePeak();
            return;
        }
        if (!hasMark[slot]) {
            hasMark[slot] = true;
            markScaled[slot] = price;
            markExact[slot] = null;
            recomputeFast();
            updatePeak();
            return;
        }
        long old = markScaled[slot];
        markScaled[slot] = price;
        markExact[slot] = null; // derived lazily
        if (fast) {
            long q = qtyUnits[slot];
            if (q != 0) {
                try {
                    marketValueScaled = Math.addExact(marketValueScaled, Math.multiplyExact(q, price - old));
                } catch (ArithmeticException overflow) {
                    fast = false;
                }
            }
            if (fast) {
                // integral market value above floor((peak - cash) x 10^scale): equity is a new peak, and
                // the new threshold, floor((equity - cash) x 10^scale), is the market value itself
                if (marketValueScaled > peakThreshold) {
                    peak = equity();
                    peakThreshold = marketValueScaled;
                }
                return;
            }
        }
        updatePeak();
    }

    private BigDecimal markOf(int slot) {
        BigDecimal m = markExact[slot];
        if (m == null) {
            m = BigDecimal.valueOf(markScaled[slot], scale);
            markExact[slot] = m;
        }
        return m;
    }

    private void recomputeFast() {
        if (scale < 0) {
            fast = true;
            marketValueScaled = 0;
            for (int i = 0; i < count; i++) if (positions[i].quantity().signum() != 0) fast = false;
        } else {
            fast = true;
            long mv = 0;
            try {
                for (int i = 0; i < count; i++) {
                    if (positions[i].quantity().signum() == 0) continue;
                    if (!qtyIntegral[i]) { fast = false; break; }
                    if (markExact[i] != null) markScaled[i] = markExact[i].movePointRight(scale).longValueExact();
                    mv = Math.addExact(mv, Math.multiplyExact(qtyUnits[i], markScaled[i]));
                }
            } catch (ArithmeticException e) {
                fast = false;
            }
            marketValueScaled = mv;
        }
        recomputeThreshold();
    }

    private void recomputeThreshold() {
        if (!fast || scale < 0) return;
        BigDecimal t = peak.subtract(cash).movePointRight(scale).setScale(0, RoundingMode.FLOOR);
        peakThreshold = t.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : t.compareTo(LONG_MIN) <= 0 ? Long.MIN_VALUE : t.longValue();
    }

    private void updatePeak() {
        BigDecimal e = equity();
        if (e.compareTo(peak) > 0) {
            peak = e;
            recomputeThreshold();
        }
    }

    /**
     * Starts a new trading day: the daily loss limit measures from the equity now. Allocation-free on
     * the fast path (the start-of-day equity is formed when first asked for).
     */
    public void startDay() {
        if (fast && scale >= 0) {
            dayStart = null;
            dayStartCash = cash;
            dayStartMarketValue = marketValueScaled;
        } else {
            dayStart = equity();
        }
    }

    private BigDecimal dayStartCash;
    private long dayStartMarketValue;

    /**
     * Recovery: sets the peak equity and the current day's starting equity to values recorded before a
     * restart (after the fills are replayed), so that {@link #drawdown()} and {@link #dayPnl()} measure
     * from them. The peak is taken as given (a replayed fill at a stale mark may value the portfolio
     * above it until the next mark, exactly as in an uninterrupted run). Refuses null or non-positive values.
     */
    public void restoreBaseline(BigDecimal peakEquity, BigDecimal dayStartEquity) {
        Objects.requireNonNull(peakEquity, "peakEquity");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        if (peakEquity.signum() <= 0 || dayStartEquity.signum() <= 0) {
            throw new IllegalArgumentException("peak and day-start equity must be positive: " + peakEquity + ", " + dayStartEquity);
        }
        peak = peakEquity;
        dayStart = dayStartEquity;
        dayStartCash = null;
        recomputeThreshold();
    }

    public BigDecimal cash() { return cash; }
    public BigDecimal initialCash() { return initialCash; }
    public Currency currency() { return currency; }
    public BigDecimal fees() { return fees; }
    public BigDecimal peakEquity() { return peak; }
    public BigDecimal dayStartEquity() {
        if (dayStart == null) dayStart = dayStartCash.add(BigDecimal.valueOf(dayStartMarketValue, scale));
        return dayStart;
    }
    public List<RoundTrip> roundTrips() { return roundTrips; }
    public int instrumentCount() { return count; }

    public BigDecimal equity() {
        BigDecimal e = cash;
        for (int i = 0; i < count; i++) {
            BigDecimal q = positions[i].quantity();
            if (q.signum() != 0) e = e.add(q.multiply(markOf(i)));
        }
        return e;
    }

    /** Fraction below the peak, 0 at a peak. */
    public BigDecimal drawdown() {
        if (peak.signum() <= 0) return BigDecimal.ZERO;
        return peak.subtract(equity()).divide(peak, MathContext.DECIMAL64);
    }

    /** Today's P&L (negative: loss) measured from {@link #startDay()}. */
    public BigDecimal dayPnl() {
        return equity().subtract(dayStartEquity());
    }

    public BigDecimal realizedPnl() {
        BigDecimal r = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) r = r.add(positions[i].realizedPnl());
        return r;
    }

    public BigDecimal fifoRealizedPnl() {
        BigDecimal r = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) r = r.add(positions[i].fifoRealizedPnl());
        return r;
    }

    public BigDecimal unrealizedPnl() {
        BigDecimal u = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) if (!positions[i].isFlat()) u = u.add(positions[i].unrealizedPnl(markOf(i)));
        return u;
    }

    /** Sum of |quantity x mark| over open positions. */
    public BigDecimal grossExposure() {
        BigDecimal g = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) if (!positions[i].isFlat()) g = g.add(positions[i].quantity().multiply(markOf(i)).abs());
        return g;
    }

    /**
     * Money at risk in the open positions: for a position with a protective stop, what is lost if it were
     * exited at its stop from the mark (never negative per position); for a position <em>without</em> a stop,
     * whose loss is unbounded, its whole exposure {@code |quantity x mark|} (the rule of the heat limit and the
     * dashboard: never zero).
     */
    public BigDecimal openRisk() {
        BigDecimal r = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            Position p = positions[i];
            if (p.isFlat()) continue;
            if (p.stop() == null) {
                r = r.add(p.quantity().multiply(markOf(i)).abs());
                continue;
            }
            BigDecimal perUnit = markOf(i).subtract(p.stop().value()).multiply(BigDecimal.valueOf(p.quantity().signum()));
            if (perUnit.signum() > 0) r = r.add(perUnit.multiply(p.quantity().abs()));
        }
        return r;
    }

    /** Open positions without a protective stop (their risk is counted as their whole exposure). */
    public int unprotectedPositionCount() {
        int n = 0;
        for (int i = 0; i < count; i++) if (!positions[i].isFlat() && positions[i].stop() == null) n++;
        return n;
    }

    public int openPositionCount() {
        int n = 0;
        for (int i = 0; i < count; i++) if (!positions[i].isFlat()) n++;
        return n;
    }

    /** Signed quantity held in {@code symbol}, zero if unknown. */
    public BigDecimal quantity(String symbol) {
        Integer s = slots.get(symbol);
        return s == null ? BigDecimal.ZERO : positions[s].quantity();
    }

    /** Signed quantity in slot {@code slot} as a long; only meaningful while {@link #isIntegral(int)}. */
    public long quantityUnits(int slot) { return qtyUnits[slot]; }
    public boolean isIntegral(int slot) { return qtyIntegral[slot]; }

    public Position position(String symbol) {
        Integer s = slots.get(symbol);
        return s == null ? null : positions[s];
    }

    public Position position(int slot) { return positions[slot]; }
    public Instrument instrument(int slot) { return instruments[slot]; }

    /** The mark of {@code symbol}, or null if never marked nor filled. */
    public BigDecimal markOf(String symbol) {
        Integer s = slots.get(symbol);
        if (s == null || !hasMark[s]) return null;
        return markOf(s);
    }

    public void setStop(String symbol, Price stop) {
        Position p = position(symbol);
        if (p != null) p.setStop(stop);
    }

    public PortfolioSnapshot snapshot() {
        List<PositionSnapshot> ps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Position p = positions[i];
            if (p.isFlat() && p.realizedPnl().signum() == 0) continue;
            BigDecimal m = hasMark[i] ? markOf(i) : null;
            if (p.isFlat() && p.status() == PositionStatus.FLAT && p.realizedPnl().signum() == 0) continue;
            ps.add(new PositionSnapshot(p.instrument().symbol(), p.status(), p.quantity(), p.averagePrice(), m,
                    m == null ? BigDecimal.ZERO : p.quantity().multiply(m), m == null ? BigDecimal.ZERO : p.unrealizedPnl(m),
                    p.realizedPnl(), p.stop() == null ? null : p.stop().value()));
        }
        return new PortfolioSnapshot(currency, cash, equity(), realizedPnl(), unrealizedPnl(), fees, peak, drawdown(),
                grossExposure(), openRisk(), dayStartEquity(), ps);
    }
}
