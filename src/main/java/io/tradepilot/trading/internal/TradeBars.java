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
 *   <li><b>Back-fill after a (re)subscription</b> ({@link #rejoined}, for an interval of whole minutes). The stream
 *       (re)subscribed at {@code at}; let {@code C} be the bar in progress at {@code at} (none outside the session) and
 *       {@code R} = {@code at} rounded up to the whole minute. Trades before {@code R} no longer count (dropped,
 *       {@link #covered()}): the broker's 1-minute history replaces them, for the bars that start after the latest bar
 *       emitted (or resumed after) of any instrument — a bar emitted for one means the stream saw every instrument's
 *       trades until its end — but not before the open of the latest session that had opened by {@code at}; for an
 *       instrument without any bar yet, from {@code C} on. Every bar not yet emitted that starts before {@code C}
 *       is built from history alone (the trades seen before the drop are discarded); bar {@code C} is history's
 *       minutes {@code [C, R)} followed by the trades from {@code R} on (open: history's when it has any; close: the
 *       last trade's when there is one; high/low: the extremes of both; volume: history's plus the trades'; with
 *       ticks the trade part counts from its earliest tick's {@code volumeToday − quantity}). Until
 *       {@link #filled} has delivered the history of every instrument's gap, {@link #flush} emits nothing at all, so
 *       each interval still has at most one bar and the engine sees them in time order. A bar completed from
 *       history is never dropped as partial. Between a {@linkplain #dropped drop} and the next (re)subscription
 *       nothing is emitted either (the bars in progress lack the trades of the outage). Back-filled bars are counted ({@link #backfilled()}: history alone;
 *       {@link #completed()}: history and trades).</li>
 * </ul>
 * Prices are the trades' exact decimals.
 */
final class TradeBars {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How far back {@link #rejoined} looks for the latest session that opened. */
    private static final int SESSION_SEARCH_DAYS = 15;

    private final ExchangeCalendar calendar;
    private final Duration interval;
    private final Duration grace;
    private final Instant notBefore;
    private final BiConsumer<Instrument, Bar> sink;
    private final Map<Instrument, PerInstrument> instruments = new LinkedHashMap<>();
    private long late;
    private long outOfSession;
    private long partial;
    private long covered;
    private long backfilled;
    private long completed;
    private long generation;
    /** The stream dropped and has not (re)subscribed since: the bars in progress are incomplete. */
    private boolean held;

    private static final class PerInstrument {
        final int order;
        final TreeMap<Instant, Building> open = new TreeMap<>();
        Instant lastEmitted;
        LocalDate volumeDate;
        long volumeBase;
        /** Trades before this are covered by history (see {@link #rejoined}); null: none. */
        Instant historyUntil;
        /** The generation of the gap awaiting {@link #filled}; 0: none. */
        long awaiting;
        /** History fills only bars starting after this (see {@link #rejoined}). */
        Instant fillAfter;

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
        /** Joined at a (re)subscription: its head comes from history, it is not partial. */
        boolean joined;
        /** The history part (1-minute bars before the trades): null open when none. */
        BigDecimal hOpen, hHigh, hLow, hClose;
        long hVolume;
        Instant hLast;

        Building(Instant start, Instant end, LocalDate date) {
            this.start = start;
            this.end = end;
            this.date = date;
        }

        void addHistory(Bar minute) {
            if (hLast != null && !minute.start().isAfter(hLast)) return; // a minute already counted
            hLast = minute.start();
            BigDecimal o = minute.open().value(), h = minute.high().value(), l = minute.low().value();
            if (hOpen == null) {
                hOpen = o;
                hHigh = h;
                hLow = l;
            } else {
                hHigh = hHigh.max(h);
                hLow = hLow.min(l);
            }
            hClose = minute.close().value();
            hVolume += minute.volume();
        }
    }

    /**
     * One instrument's missing minutes after a (re)subscription: the broker's 1-minute bars starting in
     * {@code [from, to)} complete them ({@link #filled}).
     */
    record Gap(Instrument instrument, Instant from, Instant to, long generation) { }

    /** Where a time falls: the bar's start and end on the calendar, and the exchange date. */
    private record Slot(Instant start, Instant end, LocalDate date) { }

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

    /**
     * Registers {@code instrument} (in this order among instruments first seen) with the start of the last bar the
     * engine has of it ({@code resumeAfter}, null: none): its trades of that bar or earlier are late, and
     * {@link #rejoined} back-fills after it.
     */
    synchronized void track(Instrument instrument, Instant resumeAfter) {
        PerInstrument state = instruments.computeIfAbsent(instrument, k -> new PerInstrument(instruments.size()));
        if (resumeAfter != null && (state.lastEmitted == null || resumeAfter.isAfter(state.lastEmitted))) {
            state.lastEmitted = resumeAfter;
        }
    }

    /** Takes one trade of {@code instrument}. */
    synchronized void add(Instrument instrument, MarketTrade trade) {
        PerInstrument state = instruments.computeIfAbsent(instrument, k -> new PerInstrument(instruments.size()));
        if (state.historyUntil != null && trade.time().isBefore(state.historyUntil)) {
            covered++;
            return;
        }
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
        Slot slot = slot(session.get(), trade.time());
        Instant start = slot.start();
        if (state.lastEmitted != null && !start.isAfter(state.lastEmitted)) {
            late++;
            return;
        }
        Instant end = slot.end();
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
            if (held || awaitingHistory()) return;
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
                boolean traded = b.firstTime != null;
                if (!traded && b.hOpen == null) continue; // joined, but neither history nor trades: no bar
                state.lastEmitted = b.start;
                long volume = traded ? volume(state, b) : 0;
                if (b.start.isBefore(notBefore) && !b.joined) {
                    partial++;
                    continue;
                }
                Bar bar;
                if (b.hOpen == null) {
                    bar = new Bar(b.start, new Price(b.open), new Price(b.high), new Price(b.low), new Price(b.close), volume);
                } else if (!traded) {
                    backfilled++;
                    bar = new Bar(b.start, new Price(b.hOpen), new Price(b.hHigh), new Price(b.hLow), new Price(b.hClose), b.hVolume);
                } else {
                    completed++;
                    bar = new Bar(b.start, new Price(b.hOpen), new Price(b.hHigh.max(b.high)), new Price(b.hLow.min(b.low)),
                            new Price(b.close), b.hVolume + volume);
                }
                out.add(Map.entry(e.getKey(), bar));
            }
        }
        for (var e : out) sink.accept(e.getKey(), e.getValue());
    }

    /**
     * The stream (re)subscribed at {@code at}: see the class contract. Returns the gaps whose history
     * {@link #filled} must deliver before any further bar is emitted (none when the interval is not whole minutes,
     * or nothing can be missing); a later call supersedes the gaps of an earlier one.
     */
    synchronized List<Gap> rejoined(Instant at) {
        held = false;
        if (interval.toMillis() % MINUTE.toMillis() != 0) return List.of();
        Instant r = ceilMinute(at);
        Optional<Slot> current = slot(at);
        Instant floor = latestOpen(at);
        long gen = ++generation;
        // a bar emitted for one instrument means the stream was up for all until its end: no bar of any before it is missing
        Instant watermark = null;
        for (PerInstrument state : instruments.values()) {
            if (state.lastEmitted != null && (watermark == null || state.lastEmitted.isAfter(watermark))) watermark = state.lastEmitted;
        }
        List<Gap> gaps = new ArrayList<>();
        for (var e : instruments.entrySet()) {
            PerInstrument state = e.getValue();
            Instant after; // bars starting after this come from history
            if (state.lastEmitted == null) {
                after = current.map(c -> c.start().minusMillis(1)).orElse(null);
            } else {
                after = watermark;
                if (floor != null && floor.isAfter(after)) after = floor.minusMillis(1);
            }
            Instant replaceUpTo = current.map(Slot::start).orElse(r);
            // what the trades built before the drop is incomplete: history replaces it
            state.open.headMap(replaceUpTo, current.isPresent()).clear();
            state.historyUntil = r;
            state.volumeDate = null; // the trade part counts from its own first tick
            current.ifPresent(c -> state.open.computeIfAbsent(c.start(), k -> new Building(c.start(), c.end(), c.date())).joined = true);
            state.fillAfter = after;
            Instant from = after == null ? null : ceilMinute(after);
            if (from != null && from.isBefore(r)) {
                state.awaiting = gen;
                gaps.add(new Gap(e.getKey(), from, r, gen));
            } else {
                state.awaiting = 0;
            }
        }
        return gaps;
    }

    /**
     * The broker's 1-minute bars of {@code gap} (any order; those outside it, outside the session, or of bars already
     * emitted are left out): builds the bars they complete. A gap superseded by a later {@link #rejoined} is ignored.
     */
    synchronized void filled(Gap gap, List<Bar> minutes) {
        PerInstrument state = instruments.get(gap.instrument());
        if (state == null || state.awaiting != gap.generation()) return;
        List<Bar> sorted = new ArrayList<>(minutes);
        sorted.sort(Comparator.comparing(Bar::start));
        for (Bar minute : sorted) {
            if (minute.start().isBefore(gap.from()) || !minute.start().isBefore(gap.to())) continue;
            Optional<Slot> slot = slot(minute.start());
            if (slot.isEmpty()) continue;
            Slot at = slot.get();
            if (state.lastEmitted != null && !at.start().isAfter(state.lastEmitted)) continue;
            if (state.fillAfter != null && !at.start().isAfter(state.fillAfter)) continue;
            Building b = state.open.computeIfAbsent(at.start(), k -> new Building(at.start(), at.end(), at.date()));
            b.joined = true;
            b.addHistory(minute);
        }
        state.awaiting = 0;
    }

    /**
     * The stream dropped: nothing is emitted until the next {@link #rejoined} (whose history then replaces the bars
     * in progress, so that none is emitted with only the trades before the drop).
     */
    synchronized void dropped() {
        held = true;
    }

    /** Whether a gap still waits for its history (nothing is emitted meanwhile). */
    synchronized boolean awaitingHistory() {
        for (PerInstrument state : instruments.values()) if (state.awaiting != 0) return true;
        return false;
    }

    /** The bar {@code t} falls in, empty outside the regular session. */
    private Optional<Slot> slot(Instant t) {
        LocalDate date = t.atZone(calendar.zone()).toLocalDate();
        return calendar.session(date).filter(s -> s.contains(t)).map(s -> slot(s, t));
    }

    private Slot slot(Session session, Instant t) {
        Instant open = session.open().toInstant();
        long steps = Math.floorDiv(Duration.between(open, t).toMillis(), interval.toMillis());
        Instant start = open.plus(interval.multipliedBy(steps));
        Instant close = session.close().toInstant();
        return new Slot(start, start.plus(interval).isAfter(close) ? close : start.plus(interval), session.date());
    }

    /** The open of the latest regular session that had opened by {@code at}; null when none within the search. */
    private Instant latestOpen(Instant at) {
        LocalDate d = at.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < SESSION_SEARCH_DAYS; i++, d = d.minusDays(1)) {
            Optional<Session> s = calendar.session(d);
            if (s.isPresent() && !s.get().open().toInstant().isAfter(at)) return s.get().open().toInstant();
        }
        return null;
    }

    private static Instant ceilMinute(Instant t) {
        long m = MINUTE.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli() + m - 1, m) * m);
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

    /** Trades dropped because history covers their time (before the minute after a (re)subscription). */
    synchronized long covered() {
        return covered;
    }

    /** Bars emitted from the broker's history alone. */
    synchronized long backfilled() {
        return backfilled;
    }

    /** Bars emitted from history and trades (the bar in progress at a (re)subscription). */
    synchronized long completed() {
        return completed;
    }
}
