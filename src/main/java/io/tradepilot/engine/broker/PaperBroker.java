package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.LocalDays;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.orders.Transition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Simulated execution against bars. Orders accepted by the engine are handed over with {@link #submit};
 * each later bar of the order's instrument is offered with {@link #onBar}, which fills, partially fills
 * or expires working orders in submission order and reports through the {@link BrokerListener}.
 *
 * <p>Contracts:
 * <ul>
 *   <li>An order is first evaluated on the first bar that starts after it was submitted; with
 *       {@link FillMode#SAME_CLOSE} a market order instead fills at once at the deciding bar's close
 *       ({@link #fillAtClose}).</li>
 *   <li>Market: open ± slippage. Limit buy: open if open ≤ limit (gap), else the limit if low ≤ limit.
 *       Stop buy: open ± slippage if open ≥ stop (gap, worse), else stop ± slippage if high ≥ stop.
 *       Stop-limit: see the package documentation. Sells mirror buys.</li>
 *   <li>Every fill price lies in the bar's [low, high] (slippage is clamped).</li>
 *   <li>With a participation cap, the symbol's orders share {@code floor(volume x participation)} units
 *       per bar (rounded down to lots); the rest stays working.</li>
 *   <li>IOC: what cannot fill on the first evaluated bar expires. FOK: fills completely on the first
 *       evaluated bar or expires without a fill. DAY: expires at the first bar of a later calendar day
 *       (market zone) than its first evaluated bar. GTC: works until filled or cancelled.</li>
 *   <li>Fills are stamped with the bar's start time.</li>
 * </ul>
 * Not thread-safe: the engine's writer thread owns it.
 */
public final class PaperBroker {

    private final BrokerConfig config;
    private final BrokerListener listener;
    private final Map<String, List<Order>> working = new HashMap<>();
    private int workingCount;
    private final LocalDays days;

    public PaperBroker(BrokerConfig config, BrokerListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.days = new LocalDays(config.marketZone());
    }

    public BrokerConfig config() {
        return config;
    }

    /** Takes an ACCEPTED order into the working set. */
    public void submit(Order order) {
        working.computeIfAbsent(order.request().symbol(), s -> new ArrayList<>(2)).add(order);
        workingCount++;
    }

    /** True when any order of {@code symbol} is working: lets the caller skip building exact bar prices. */
    public boolean hasWorking(String symbol) {
        if (workingCount == 0) return false;
        List<Order> l = working.get(symbol);
        return l != null && !l.isEmpty();
    }

    /** True when an order of {@code strategy} for {@code symbol} is working. */
    public boolean hasWorking(String symbol, io.tradepilot.engine.orders.StrategyId strategy) {
        if (workingCount == 0) return false;
        List<Order> l = working.get(symbol);
        if (l == null) return false;
        for (Order o : l) if (o.status().isWorking() && o.request().strategy().equals(strategy)) return true;
        return false;
    }

    public int workingCount() {
        return workingCount;
    }

    /** Working orders (all symbols) in submission order per symbol. */
    public List<Order> workingOrders() {
        List<Order> all = new ArrayList<>();
        for (List<Order> l : working.values()) all.addAll(l);
        return all;
    }

    /** Removes the order from the working set; true when it was there. The caller moves its status. */
    public boolean remove(OrderId id) {
        for (List<Order> l : working.values()) {
            for (Iterator<Order> it = l.iterator(); it.hasNext(); ) {
                if (it.next().id().equals(id)) {
                    it.remove();
                    workingCount--;
                    return true;
                }
            }
        }
        return false;
    }

    /** Fills a market order completely at the deciding bar's {@code close} ({@link FillMode#SAME_CLOSE}). */
    public void fillAtClose(Order order, Instant barTime, BigDecimal close) {
        execute(order, order.remaining().value(), close, barTime);
    }

    /**
     * Offers a completed bar of {@code instrument}. Exact prices, {@code volume} in units.
     */
    public void onBar(Instrument instrument, Instant barTime, BigDecimal open, BigDecimal high, BigDecimal low,
                      BigDecimal close, long volume) {
        List<Order> orders = working.get(instrument.symbol());
        if (orders == null || orders.isEmpty()) return;
        long day = days.epochDay(barTime.toEpochMilli());
        BigDecimal capacity = config.participation() == null ? null
                : BigDecimal.valueOf(volume).multiply(config.participation()).divide(instrument.lotSize(), 0, RoundingMode.FLOOR).multiply(instrument.lotSize());
        for (Iterator<Order> it = orders.iterator(); it.hasNext(); ) {
            Order o = it.next();
            if (!o.status().isWorking()) { it.remove(); workingCount--; continue; }
            TimeInForce tif = o.request().timeInForce();
            if (o.dayOfEligibility() < 0) o.setDayOfEligibility(day);
            else if (tif == TimeInForce.DAY && day > o.dayOfEligibility()) {
                expire(o, "DAY order not filled by the end of its trading day");
                it.remove(); workingCount--;
                continue;
            }
            boolean firstEvaluation = !o.evaluated();
            o.markEvaluated();
            BigDecimal price = fillPrice(o, instrument, open, high, low);
            if (price != null) {
                BigDecimal want = o.remaining().value();
                BigDecimal qty = capacity == null ? want : want.min(capacity);
                if (tif == TimeInForce.FOK && qty.compareTo(want) < 0) {
                    expire(o, "FOK: only " + qty.toPlainString() + " of " + want.toPlainString() + " available");
                    it.remove(); workingCount--;
                    continue;
                }
                if (qty.signum() > 0) {
                    execute(o, qty, price, barTime);
                    if (capacity != null) capacity = capacity.subtract(qty);
                }
            }
            if (o.status().isTerminal()) { it.remove(); workingCount--; continue; }
            if (firstEvaluation && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
                expire(o, tif + ": unfilled remainder " + o.remaining() + " cancelled");
                it.remove(); workingCount--;
            }
        }
    }

    private void expire(Order o, String reason) {
        Transition t = o.expire(reason);
        if (t.done()) listener.onExpired(o, reason);
    }

    private void execute(Order o, BigDecimal qty, BigDecimal price, Instant time) {
        boolean first = o.filledQuantity().isZero();
        var req = o.request();
        BigDecimal fee = config.commission().charges(req.side(), qty, price, first);
        Fill fill = new Fill(o.id(), req.clientOrderId(), req.instrument(), req.side(), new Quantity(qty), new Price(price),
                new Money(fee, req.instrument().currency()), time, req.protectiveStop());
        Transition t = o.fill(fill.quantity(), fill.price());
        if (!t.done()) throw new IllegalStateException("broker produced an impossible fill: " + t);
        listener.onFill(o, fill);
    }

    /** The execution price on this bar, or null when the order does not trade on it. */
    BigDecimal fillPrice(Order o, Instrument instrument, BigDecimal open, BigDecimal high, BigDecimal low) {
        var r = o.request();
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
                if (o.stopTriggered()) return limitPrice(buy, limit, open, high, low);
                if (buy ? open.compareTo(stop) >= 0 : open.compareTo(stop) <= 0) {
                    o.markStopTriggered();
                    return limitPrice(buy, limit, open, high, low);
                }
                if (buy ? high.compareTo(stop) >= 0 : low.compareTo(stop) <= 0) {
                    o.markStopTriggered();
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
