package io.tradepilot.brokers.alpaca;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns Alpaca's streamed minute bars into finished bars of the session's bar size, each delivered once, in time order
 * per instrument, with gaps back-filled from the REST API. Bar sizes: whole minutes or hours that divide a day evenly
 * into buckets aligned to the hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes; 1, 2, 3, 4, 6, 8, 12 hours), the
 * alignment Alpaca's own bars use.
 *
 * <p>At every (re)subscription of the stream ({@link #caughtUp}), for each instrument: the finished bars since the last
 * one delivered come from {@code GET /v2/stocks/{symbol}/bars}; for bar sizes above one minute, the bucket in progress
 * is seeded with its minute bars so far. Then streamed minute bars continue it: a bucket is delivered when its last
 * minute arrives, or when a minute of a later bucket arrives (Alpaca sends no bar for a minute without trades). Minutes
 * and bars already delivered are ignored. Everything runs on the stream's one thread.
 */
final class AlpacaBarFeed {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBarFeed.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Map<String, State> states = new HashMap<>();
    private final Duration barSize;
    private final AlpacaMarketData data;
    private final Clock clock;
    private final BiConsumer<Instrument, Bar> sink;

    /** One instrument's progress. */
    private static final class State {
        final Instrument instrument;
        Instant lastDelivered; // start of the last bar delivered
        Bucket partial;

        State(Instrument instrument, Instant lastDelivered) {
            this.instrument = instrument;
            this.lastDelivered = lastDelivered;
        }
    }

    /** The bar in progress, built from minute bars. */
    private record Bucket(Instant start, Price open, Price high, Price low, Price close, long volume, Instant lastMinute) {
        static Bucket of(Instant start, Bar minute) {
            return new Bucket(start, minute.open(), minute.high(), minute.low(), minute.close(), minute.volume(), minute.start());
        }

        Bucket add(Bar minute) {
            return new Bucket(start, open, high.compareTo(minute.high()) >= 0 ? high : minute.high(),
                    low.compareTo(minute.low()) <= 0 ? low : minute.low(), minute.close(), volume + minute.volume(), minute.start());
        }

        Bar bar() {
            return new Bar(start, open, high, low, close, volume);
        }
    }

    /** @throws IllegalArgumentException for a bar size the stream cannot build (see the class comment) */
    AlpacaBarFeed(List<Instrument> instruments, Duration barSize, AlpacaMarketData data, Clock clock,
                  BiConsumer<Instrument, Bar> sink) {
        checkStreamable(barSize);
        this.barSize = barSize;
        this.data = data;
        this.clock = clock;
        this.sink = sink;
        // the stream promises the bars from the bucket in progress on
        Instant first = floor(clock.instant()).minus(barSize);
        for (Instrument i : instruments) states.put(i.symbol(), new State(i, first));
    }

    static void checkStreamable(Duration barSize) {
        long seconds = barSize.getSeconds();
        boolean ok = barSize.getNano() == 0 && seconds > 0 && seconds % 60 == 0
                && (seconds <= 3600 ? 3600 % seconds == 0 : seconds < 86_400 && 86_400 % seconds == 0 && seconds % 3600 == 0);
        if (!ok) throw new IllegalArgumentException("Alpaca bars cannot be streamed at " + barSize);
    }

    /** The start of the bucket {@code t} falls in (aligned to the hour, as Alpaca's bars are). */
    Instant floor(Instant t) {
        long size = barSize.getSeconds();
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, size));
    }

    /**
     * The stream is subscribed (again): delivers the finished bars each instrument missed and seeds the bucket in
     * progress.
     *
     * @throws AlpacaException when the REST API cannot be read (the caller reconnects and tries again)
     */
    void caughtUp() {
        for (State s : states.values()) {
            Instant now = clock.instant();
            Instant current = floor(now);
            Instant from = s.lastDelivered.plus(barSize);
            if (from.isBefore(current)) {
                for (Bar bar : data.bars(s.instrument.symbol(), barSize, from, current)) deliver(s, bar);
            }
            if (!barSize.equals(MINUTE)) {
                Bucket seeded = null;
                for (Bar minute : data.bars(s.instrument.symbol(), MINUTE, current, now)) {
                    if (minute.start().plus(MINUTE).isAfter(now)) continue; // the minute in progress
                    seeded = seeded == null ? Bucket.of(current, minute) : seeded.add(minute);
                }
                s.partial = current.isAfter(s.lastDelivered) ? seeded : null;
            }
        }
    }

    /** A streamed minute bar of {@code symbol}. */
    void minute(String symbol, Bar minute) {
        State s = states.get(symbol);
        if (s == null) return;
        if (barSize.equals(MINUTE)) {
            deliver(s, minute);
            return;
        }
        Instant bucket = floor(minute.start());
        if (!bucket.isAfter(s.lastDelivered)) return; // delivered already (from the REST API)
        if (s.partial != null && s.partial.start().isBefore(bucket)) {
            deliver(s, s.partial.bar()); // its last minutes had no trades
            s.partial = null;
        }
        if (s.partial == null) {
            s.partial = Bucket.of(bucket, minute);
        } else if (minute.start().isAfter(s.partial.lastMinute())) {
            s.partial = s.partial.add(minute);
        } else {
            return; // a minute already counted
        }
        if (!minute.start().plus(MINUTE).isBefore(bucket.plus(barSize))) {
            deliver(s, s.partial.bar());
            s.partial = null;
        }
    }

    private void deliver(State s, Bar bar) {
        if (!bar.start().isAfter(s.lastDelivered)) return;
        s.lastDelivered = bar.start();
        try {
            sink.accept(s.instrument, bar);
        } catch (RuntimeException e) {
            log.warn("Alpaca bars: the sink failed on a bar of {}: {}", s.instrument.symbol(), e.toString());
        }
    }
}
