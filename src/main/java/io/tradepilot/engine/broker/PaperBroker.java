package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.LocalDays;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionReports;
import io.tradepilot.engine.venue.SimulatedVenue;
import io.tradepilot.engine.venue.VenueOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Simulated execution against bars: the engine's venue for backtests and paper trading. Orders the engine
 * submits join the working set; each later bar of the order's instrument ({@link #onBar}) fills, partially
 * fills or expires working orders in submission order. Every outcome goes back to the engine as an
 * {@link ExecutionReport} through the {@link ExecutionReports} sink, synchronously, on the engine's writer
 * thread (the same path a broker adapter's reports take): {@code VenueFilled}/{@code VenuePartiallyFilled},
 * {@code VenueExpired}, {@code VenueCancelled} at once on {@link #cancel}, {@code VenueModified} at once on
 * {@link #modify}. It sends no {@code VenueAccepted}: it has no ids of its own.
 *
 * <p>Contracts:
 * <ul>
 *   <li>An order is first evaluated on the first bar that starts after it was submitted; with
 *       {@link FillMode#SAME_CLOSE} a market order instead fills completely at once, on submission, at the
 *       deciding bar's close (the instrument's last mark), stamped with the clock's time.</li>
 *   <li>Market: open ± slippage. Limit buy: open if open ≤ limit (gap), else the limit if low ≤ limit.
 *       Stop buy: open ± slippage if open ≥ stop (gap, worse), else stop ± slippage if high ≥ stop.
 *       Stop-limit: see the package documentation. Sells mirror buys.</li>
 *   <li>Every fill price lies in the bar's [low, high] (slippage is clamped).</li>
 *   <li>With a participation cap, the symbol's orders share {@code floor(volume x participation)} units
 *       per bar (rounded down to lots); the rest stays working.</li>
 *   <li>IOC: what cannot fill on the first evaluated bar expires. FOK: fills completely on the first
 *       evaluated bar or expires without a fill. DAY: expires at the first bar of a later calendar day
 *       (market zone) than its first evaluated bar. GTC: works until filled or cancelled.</li>
 *   <li>Fills are stamped with the bar's start time and carry the commission model's charges.</li>
 *   <li>{@link #resolve} takes an order back as working (after a restart the book is gone with the process);
 *       an order it already works is left alone.</li>
 * </ul>
 * Not thread-safe: the engine's writer thread owns it.
 */
public final class PaperBroker implements SimulatedVenue {

    private final BrokerConfig config;
    private final ExecutionReports reports;
    private final Clock clock;
    private final Function<String, BigDecimal> marks;
    private final Map<String, List<Working>> working = new HashMap<>();
    private int workingCount;
    private final LocalDays days;

    /** The paper broker's view of one working order: what it has executed and its fill-model state. */
    private static final class Working {
        final OrderId id;
        OrderRequest request;
        BigDecimal filled;
        /** The trading day on which a DAY order may trade (epoch day in the market zone), or -1 before its first bar. */
        long dayOfEligibility = -1;
        /** Evaluated against at least one bar (IOC/FOK use this). */
        boolean evaluated;
        /** A stop-limit whose stop traded: it rests as a limit order. */
        boolean stopTriggered;

        Working(VenueOrder order) {
            this.id = order.orderId();
            this.request = order.request();
            this.filled = order.filled().value();
        }

        BigDecimal remaining() {
            BigDecimal q = request.quantity().value();
            // nothing filled yet (zero at scale 0 or below q's): q - 0 is q itself, value and scale
            if (filled.signum() == 0 && filled.scale() <= q.scale()) return q;
            return q.subtract(filled);
        }

        VenueOrder view() {
            return new VenueOrder(id, request, null, new Quantity(filled));
        }
    }

    /**
     * @param reports where fills, expiries, cancellations and modifications are reported (the engine, synchronously)
     * @param clock   the time of a {@link FillMode#SAME_CLOSE} fill (the deciding bar's)
     * @param marks   the last close of a symbol (null before its first bar), for {@link FillMode#SAME_CLOSE}
     */
    public PaperBroker(BrokerConfig config, ExecutionReports reports, Clock clock, Function<String, BigDecimal> marks) {
        this.config = Objects.requireNonNull(config, "config");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.days = new LocalDays(config.marketZone());
    }

    public BrokerConfig config() {
        return config;
    }

    /** Takes an order into the working set, or fills a market order at once at the last mark with {@link FillMode#SAME_CLOSE}. */
    @Override
    public void submit(VenueOrder order) {
        Working w = new Working(order);
        if (w.request.type() == OrderType.MARKET && config.fillMode() == FillMode.SAME_CLOSE) {
            BigDecimal mark = marks.apply(w.request.symbol());
            if (mark != null) {
                execute(w, w.remaining(), mark, clock.instant());
                return;
            }
        }
        add(w);
    }

    private void add(Working w) {
        working.computeIfAbsent(w.request.symbol(), s -> new ArrayList<>(2)).add(w);
        workingCount++;
    }

    /** Cancels at once: reports VenueCancelled, or VenueCancelRejected when the order is not working here. */
    @Override
    public void cancel(VenueOrder order) {
        if (remove(order.orderId()) != null) {
            reports.report(new ExecutionReport.VenueCancelled(order.clientOrderId(), ""));
        } else {
            reports.report(new ExecutionReport.VenueCancelRejected(order.clientOrderId(), "not working at the paper broker"));
        }
    }

    /** Applies at once: reports VenueModified, or VenueModifyRejected when the order is not working here. */
    @Override
    public void modify(VenueOrder order, OrderRequest amended) {
        Working w = find(order.orderId());
        if (w == null) {
            reports.report(new ExecutionReport.VenueModifyRejected(order.clientOrderId(), "not working at the paper broker"));
            return;
        }
        if (amended.quantity().value().compareTo(w.filled) <= 0) {
            reports.report(new ExecutionReport.VenueModifyRejected(order.clientOrderId(), "quantity " + amended.quantity()
                    + " is not above the filled " + w.filled.toPlainString()));
            return;
        }
        w.request = amended;
        reports.report(new ExecutionReport.VenueModified(order.clientOrderId(), amended.quantity(), amended.limitPrice(), amended.stopPrice()));
    }

    /** The paper broker's book does not outlive the process: an order it does not work is taken back as working. */
    @Override
    public void resolve(VenueOrder order) {
        if (find(order.orderId()) == null) add(new Working(order));
    }

    /** The paper broker fills any price: backtests keep their behaviour with strategies' computed prices. */
    @Override
    public boolean requiresTickAlignedPrices() {
        return false;
    }

    public int workingCount() {
        return workingCount;
    }

    /** Working orders (all symbols) in submission order per symbol, with what each has filled. */
    public List<VenueOrder> workingOrders() {
        List<VenueOrder> all = new ArrayList<>();
        for (List<Working> l : working.values()) for (Working w : l) all.add(w.view());
        return all;
    }

    private Working find(OrderId id) {
        for (List<Working> l : working.values()) {
            for (Working w : l) if (w.id.equals(id)) return w;
        }
        return null;
    }

    private Working remove(OrderId id) {
        for (List<Working> l : working.values()) {
            for (Iterator<Working> it = l.iterator(); it.hasNext(); ) {
                Working w = it.next();
                if (w.id.equals(id)) {
                    it.remove();
                    workingCount--;
                    return w;
                }
            }
        }
        return null;
    }

    @Override
    public void fillAtMark(VenueOrder order, BigDecimal price, Instant time) {
        Working w = remove(order.orderId());
        if (w != null) execute(w, w.remaining(), price, time);
    }

    @Override
    public void onBar(Instrument instrument, BarCursor bar) {
        List<Working> orders = working.get(instrument.symbol());
        if (orders == null || orders.isEmpty()) return;
        onBar(orders, instrument, bar.start(), bar.openPrice(), bar.highPrice(), bar.lowPrice(), bar.volume());
    }

    private void onBar(List<Working> orders, Instrument instrument, Instant barTime, BigDecimal open, BigDecimal high, BigDecimal low,
                       long volume) {
        long day = days.epochDay(barTime.toEpochMilli());
        BigDecimal capacity = config.participation() == null ? null
                : BigDecimal.valueOf(volume).multiply(config.participation()).divide(instrument.lotSize(), 0, RoundingMode.FLOOR).multiply(instrument.lotSize());
        for (Iterator<Working> it = orders.iterator(); it.hasNext(); ) {
            Working o = it.next();
            TimeInForce tif = o.request.timeInForce();
            if (o.dayOfEligibility < 0) o.dayOfEligibility = day;
            else if (tif == TimeInForce.DAY && day > o.dayOfEligibility) {
                it.remove(); workingCount--;
                expire(o, "DAY order not filled by the end of its trading day");
                continue;
            }
            boolean firstEvaluation = !o.evaluated;
            o.evaluated = true;
            BigDecimal price = fillPrice(o, instrument, open, high, low);
            if (price != null) {
                BigDecimal want = o.remaining();
                BigDecimal qty = capacity == null ? want : want.min(capacity);
                if (tif == TimeInForce.FOK && qty.compareTo(want) < 0) {
                    it.remove(); workingCount--;
                    expire(o, "FOK: only " + qty.toPlainString() + " of " + want.toPlainString() + " available");
                    continue;
                }
                if (qty.signum() > 0) {
                    if (capacity != null) capacity = capacity.subtract(qty);
                    if (qty.compareTo(want) == 0) {
                        it.remove(); workingCount--;
                        execute(o, qty, price, barTime);
                        continue;
                    }
                    execute(o, qty, price, barTime);
                }
            }
            if (firstEvaluation && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
                it.remove(); workingCount--;
                expire(o, tif + ": unfilled remainder " + new Quantity(o.remaining()) + " cancelled");
            }
        }
    }

    private void expire(Working o, String reason) {
        reports.report(new ExecutionReport.VenueExpired(o.request.clientOrderId(), reason));
    }

    /** Executes {@code qty} of {@code o} at {@code price} and reports it; the caller takes a completed order off the book. */
    private void execute(Working o, BigDecimal qty, BigDecimal price, Instant time) {
        boolean first = o.filled.signum() == 0;
        OrderRequest req = o.request;
        Charges charges = config.commission().itemised(req.side(), qty, price, first);
        BigDecimal fee = charges == null ? config.commission().charges(req.side(), qty, price, first) : charges.total();
        BigDecimal cumulative = first && qty.compareTo(req.quantity().value()) == 0 ? req.quantity().value() : o.filled.add(qty);
        o.filled = cumulative;
        Quantity quantity = new Quantity(qty);
        Money commission = new Money(fee, req.instrument().currency());
        Price p = new Price(price);
        Quantity cum = cumulative == req.quantity().value() ? req.quantity() : new Quantity(cumulative);
        reports.report(cumulative.compareTo(req.quantity().value()) == 0
                ? new ExecutionReport.VenueFilled(req.clientOrderId(), quantity, p, commission, cum, time, charges)
                : new ExecutionReport.VenuePartiallyFilled(req.clientOrderId(), quantity, p, commission, cum, time, charges));
    }

    /** The execution price on this bar, or null when the order does not trade on it. */
    private BigDecimal fillPrice(Working o, Instrument instrument, BigDecimal open, BigDecimal high, BigDecimal low) {
        OrderRequest r = o.request;
        boolean buy = r.side() == Side.BUY;
        OrderType type = r.type();
        BigDecimal tick = instrument.tickSize();
        switch (type) {
            case MARKET:
                return slip(r.side(), open, tick, high, low);
            case LIMIT:
                return limitPrice(buy, r.limitPrice().value(), open, high, low);
            case STOP: {
                BigDecimal stop = r.stopPrice().value();
                if (buy ? open.compareTo(stop) >= 0 : open.compareTo(stop) <= 0) return slip(r.side(), open, tick, high, low);
                if (buy ? high.compareTo(stop) >= 0 : low.compareTo(stop) <= 0) return slip(r.side(), stop, tick, high, low);
                return null;
            }
            case STOP_LIMIT: {
                BigDecimal stop = r.stopPrice().value();
                BigDecimal limit = r.limitPrice().value();
                if (o.stopTriggered) return limitPrice(buy, limit, open, high, low);
                if (buy ? open.compareTo(stop) >= 0 : open.compareTo(stop) <= 0) {
                    o.stopTriggered = true;
                    return limitPrice(buy, limit, open, high, low);
                }
                if (buy ? high.compareTo(stop) >= 0 : low.compareTo(stop) <= 0) {
                    o.stopTriggered = true;
                    boolean stopWithinLimit = buy ? stop.compareTo(limit) <= 0 : stop.compareTo(limit) >= 0;
                    return stopWithinLimit ? stop : null;
                }
                return null;
            }
            default:
                throw new IllegalStateException("unknown order type " + type);
        }
    }

    private static BigDecimal limitPrice(boolean buy, BigDecimal limit, BigDecimal open, BigDecimal high, BigDecimal low) {
        if (buy) {
            if (open.compareTo(limit) <= 0) return open;
            return low.compareTo(limit) <= 0 ? limit : null;
        }
        if (open.compareTo(limit) >= 0) return open;
        return high.compareTo(limit) >= 0 ? limit : null;
    }

    private BigDecimal slip(Side side, BigDecimal price, BigDecimal tick, BigDecimal high, BigDecimal low) {
        BigDecimal p = config.slippage().apply(side, price, tick);
        if (p.compareTo(high) > 0) return high;
        if (p.compareTo(low) < 0) return low;
        return p;
    }
}
