package io.tradepilot.trading.internal;

import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Trades (or ticks) to bars on the exchange's clock. Plain Java; thread-safe (the adapter's thread adds, the feed's
 * thread flushes).
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Boundaries.</b> A trade at {@code t} belongs to the bar starting at {@code open + k·interval} (the largest
 *       such start not after {@code t}), where {@code open} is the regular session's open of {@code t}'s exchange date
 *       in the calendar's zone (09:15 IST for NSE, 09:30 ET for NYSE). A bar ends at {@code start + interval}, or at the
 *       session's close when that comes first (the last bar of a day, an early close). A trade exactly on a boundary
 *       opens the new bar. Trades outside the regular session (pre-open, after the close, a holiday or weekend) make
 *       no bar ({@link #outOfSession()}).</li>
 *   <li><b>Emission.</b> {@link #flush(Instant)} hands on every bar whose end plus {@code grace} is not after {@code
 *       now} (the exchange's clock), once, oldest start first and in the instruments' first-seen order within a start;
 *       a bar is emitted when its interval closes whether or not a later trade came. An interval without trades has
 *       no bar. A bar that started before {@code notBefore} (the stream joined mid-bar, so it saw only part of it) is
 *       dropped and counted ({@link #partial()}).</li>
 *   <li><b>Late and out-of-order trades.</b> A trade of a bar already emitted (or of an earlier one) is dropped and
 *       counted ({@link #late()}). Within a bar not yet emitted order does not matter: open is the price of the
 *       trade with the earliest time (the first to arrive among equal times), close that of the latest time (the last
 *       to arrive among equal times), high and low the extremes, so the same trades give the same bar in any arrival
 *       order (up to equal times).</li>
 *   <li><b>Volume.</b> A {@linkplain MarketTrade#trade trade} adds its quantity. With {@linkplain MarketTrade#tick
 *       ticks} a bar's volume is the rise of the day's cumulative volume: its largest {@code volumeToday} minus the
 *       largest of the instrument's earlier bars that day (or of its ticks before the open that day); the first bar
 *       of a day with nothing earlier counts from its earliest tick's {@code volumeToday − quantity}. A new exchange
 *       date starts afresh. Never negative.</li>
 * </ul>
 * Prices are the trades' exact decimals.
 */
final class TradeBars {

    private final ExchangeCalendar calendar;
    private final Duration interval;
    private final Duration grace;
    private final Instant notBefore;
    private final BiConsumer<Instrument, Bar> sink;
    private final Map<Instrument, PerInstrument> instruments = new LinkedHashMap<>();
    private long late;
    private long outOfSession;
    private long partial;

    private static final class PerInstrument {
        final int order;
        final TreeMap<Instant, Building> open = new TreeMap<>();
        Instant lastEmitted;
        LocalDate volumeDate;
        long volumeBase;

        PerInstrument(int order) {
            this.order = order;
        }
    }

    private static final class Building {
        final Instant start;
        final Instant end;
        final LocalDate date;
        Instant firstTime, lastTime;
        BigDecimal open, high, low, close;
        long quantity;
        long maxVolumeToday = -1;
        long firstBase;

        Building(Instant start, Instant end, LocalDate date) {
            this.start = start;
            this.end = end;
            this.date = date;
        }
    }

    /**
     * @param calendar  the exchange's sessions and zone (bar boundaries, session days)
     * @param interval  the bar size (positive, whole seconds)
     * @param grace     how long after a bar's end trades of it are still taken
     * @param notBefore bars starting before this are incomplete and dropped (when the stream began)
     * @param sink      receives each finished bar, on the thread that calls {@link #flush}
     */
    TradeBars(ExchangeCalendar calendar, Duration interval, Duration grace, Instant notBefore, BiConsumer<Instrument, Bar> sink) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (interval.isNegative() || interval.isZero() || interval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the bar interval must be a positive whole number of seconds: " + interval);
        }
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative: " + grace);
        this.interval = interval;
        this.grace = grace;
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Takes one trade of {@code instrument}. */
    synchronized void add(Instrument instrument, MarketTrade trade) {
        PerInstrument state = instruments.computeIfAbsent(instrument, k -> new PerInstrument(instruments.size()));
        LocalDate date = trade.time().atZone(calendar.zone()).toLocalDate();
        Optional<Session> session = calendar.session(date);
        if (session.isEmpty() || !session.get().contains(trade.time())) {
            outOfSession++;
            // the day volume traded before the open belongs to no bar
            if (trade.cumulative() && session.isPresent() && trade.time().isBefore(session.get().open().toInstant())) {
                if (!date.equals(state.volumeDate)) {
                    state.volumeDate = date;
                    state.volumeBase = trade.volumeToday();
                } else {
                    state.volumeBase = Math.max(state.volumeBase, trade.volumeToday());
                }
            }
            return;
        }
        Instant open = session.get().open().toInstant();
        long steps = Math.floorDiv(Duration.between(open, trade.time()).toMillis(), interval.toMillis());
        Instant start = open.plus(interval.multipliedBy(steps));
        if (state.lastEmitted != null && !start.isAfter(state.lastEmitted)) {
            late++;
            return;
        }
        Instant close = session.get().close().toInstant();
        Instant end = start.plus(interval).isAfter(close) ? close : start.plus(interval);
        Building b = state.open.computeIfAbsent(start, s -> new Building(s, end, date));
        BigDecimal price = trade.price();
        if (b.firstTime == null) {
            b.firstTime = b.lastTime = trade.time();
            b.open = b.high = b.low = b.close = price;
            if (trade.cumulative()) b.firstBase = Math.max(0, trade.volumeToday() - trade.quantity());
        } else {
            if (trade.time().isBefore(b.firstTime)) {
                b.firstTime = trade.time();
                b.open = price;
                if (trade.cumulative()) b.firstBase = Math.max(0, trade.volumeToday() - trade.quantity());
            }
            if (!trade.time().isBefore(b.lastTime)) {
                b.lastTime = trade.time();
                b.close = price;
            }
            b.high = b.high.max(price);
            b.low = b.low.min(price);
        }
        if (trade.cumulative()) b.maxVolumeToday = Math.max(b.maxVolumeToday, trade.volumeToday());
        else b.quantity += trade.quantity();
    }

    /** Hands on every bar whose end plus the grace is not after {@code now}; see the class contract. */
    void flush(Instant now) {
        List<Map.Entry<Instrument, Bar>> out = new ArrayList<>();
        synchronized (this) {
            List<Map.Entry<Instrument, Building>> due = new ArrayList<>();
            for (var e : instruments.entrySet()) {
                var it = e.getValue().open.values().iterator();
                while (it.hasNext()) {
                    Building b = it.next();
                    if (b.end.plus(grace).isAfter(now)) break;
                    it.remove();
                    due.add(Map.entry(e.getKey(), b));
                }
            }
            due.sort(Comparator.<Map.Entry<Instrument, Building>, Instant>comparing(e -> e.getValue().start)
                    .thenComparingInt(e -> instruments.get(e.getKey()).order));
            for (var e : due) {
                PerInstrument state = instruments.get(e.getKey());
                Building b = e.getValue();
                state.lastEmitted = b.start;
                long volume = volume(state, b);
                if (b.start.isBefore(notBefore)) {
                    partial++;
                    continue;
                }
                out.add(Map.entry(e.getKey(), new Bar(b.start, new Price(b.open), new Price(b.high), new Price(b.low),
                        new Price(b.close), volume)));
            }
        }
        for (var e : out) sink.accept(e.getKey(), e.getValue());
    }

    private static long volume(PerInstrument state, Building b) {
        if (b.maxVolumeToday < 0) return b.quantity;
        if (!b.date.equals(state.volumeDate)) {
            state.volumeDate = b.date;
            state.volumeBase = b.firstBase;
        }
        long volume = Math.max(0, b.maxVolumeToday - state.volumeBase);
        state.volumeBase = Math.max(state.volumeBase, b.maxVolumeToday);
        return volume;
    }

    /** Trades dropped because their bar had been emitted already. */
    synchronized long late() {
        return late;
    }

    /** Trades outside the regular session (no bar). */
    synchronized long outOfSession() {
        return outOfSession;
    }

    /** Bars dropped because they began before the stream did. */
    synchronized long partial() {
        return partial;
    }
}
