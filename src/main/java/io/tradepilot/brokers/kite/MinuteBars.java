package io.tradepilot.brokers.kite;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Ticks to 1-minute bars on the exchange's clock (Asia/Kolkata; IST has no daylight saving and its offset is whole
 * minutes, so a bar is [hh:mm:00, hh:mm+1:00) IST). A tick belongs to the minute of its exchange timestamp (the
 * receive time when the packet has none). A bar is finished, and handed to the sink once, when a tick of a later minute
 * arrives or when {@link #flush} runs {@code grace} after its end; a tick for a minute already finished is dropped
 * (counted in {@link #late()}). Volume is the rise of Kite's cumulative day volume over the bar. Not thread-safe:
 * one thread (the adapter's) calls it.
 */
public final class MinuteBars {

    /** The exchange clock bars are aligned to. */
    public static final ZoneId EXCHANGE_CLOCK = KiteClient.IST;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Duration grace;
    private final BiConsumer<Long, Bar> sink;
    private final Map<Long, Building> building = new HashMap<>();
    private final Map<Long, Instant> lastFinished = new HashMap<>();
    private long late;

    private static final class Building {
        Instant start;
        BigDecimal open, high, low, close;
        long volumeBase; // the day volume before the bar's first tick
        long volumeLast;
    }

    public MinuteBars(Duration grace, BiConsumer<Long, Bar> sink) {
        this.grace = grace;
        this.sink = sink;
    }

    /** Adds one tick received at {@code received} (used when the tick has no exchange time). */
    public void tick(KiteTick t, Instant received) {
        Instant at = t.exchangeTime() != null ? t.exchangeTime() : t.lastTradeTime() != null ? t.lastTradeTime() : received;
        Instant minute = minuteOf(at);
        Instant done = lastFinished.get(t.instrumentToken());
        if (done != null && !minute.isAfter(done)) {
            late++;
            return;
        }
        Building b = building.get(t.instrumentToken());
        if (b != null && b.start != null) {
            if (minute.isAfter(b.start)) finish(t.instrumentToken(), b);
            else if (minute.isBefore(b.start)) {
                late++;
                return;
            }
        }
        if (b == null || b.start == null) {
            long base = b != null ? b.volumeLast : Math.max(0, t.volumeToday() - t.lastQuantity());
            b = new Building();
            b.start = minute;
            b.open = b.high = b.low = t.lastPrice();
            b.volumeBase = base;
            b.volumeLast = base;
            building.put(t.instrumentToken(), b);
        }
        b.high = b.high.max(t.lastPrice());
        b.low = b.low.min(t.lastPrice());
        b.close = t.lastPrice();
        b.volumeLast = Math.max(b.volumeLast, t.volumeToday());
    }

    /** Finishes every bar whose minute ended at least {@code grace} before {@code now}. */
    public void flush(Instant now) {
        for (Map.Entry<Long, Building> e : Map.copyOf(building).entrySet()) {
            Building b = e.getValue();
            if (b.start != null && !now.isBefore(b.start.plus(MINUTE).plus(grace))) finish(e.getKey(), b);
        }
    }

    /**
     * A bar learnt elsewhere (the broker's history, back-filling a gap after a reconnect): handed on when it lies after
     * the last finished bar of {@code token} and before the bar being built, else dropped.
     */
    public void backfilled(long token, Bar bar) {
        Instant done = lastFinished.get(token);
        Building b = building.get(token);
        if (done != null && !bar.start().isAfter(done)) return;
        if (b != null && b.start != null && !bar.start().isBefore(b.start)) return;
        lastFinished.put(token, bar.start());
        sink.accept(token, bar);
    }

    /** The start of the last bar of {@code token} handed on, or null. */
    public Instant lastFinished(long token) {
        return lastFinished.get(token);
    }

    /** Ticks dropped because their minute was already finished. */
    public long late() {
        return late;
    }

    private void finish(long token, Building b) {
        if (b.start == null) return;
        long volume = Math.max(0, b.volumeLast - b.volumeBase);
        Bar bar = new Bar(b.start, new Price(b.open), new Price(b.high), new Price(b.low), new Price(b.close), volume);
        lastFinished.put(token, b.start);
        b.start = null; // the next tick starts a new bar on this bar's last day volume
        sink.accept(token, bar);
    }

    /** The start of the exchange-clock minute holding {@code at}. */
    static Instant minuteOf(Instant at) {
        return at.atZone(EXCHANGE_CLOCK).truncatedTo(ChronoUnit.MINUTES).toInstant();
    }
}
