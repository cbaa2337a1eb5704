package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Fills the gaps of {@link TradeBars} after the broker's trade stream (re)subscribed: asks {@link TradeBars#rejoined}
 * what is missing, fetches the broker's 1-minute history of every gap on a thread of its own once the gap's last
 * minute is over plus {@code delay} (the broker publishes a minute bar shortly after the minute), and hands it to
 * {@link TradeBars#filled}. A failed fetch (any instrument) is retried, all gaps together, after 1 s, doubling up to
 * 30 s, on the feed's clock; each failure is logged and shown by {@link #status()} (the engine's health). A later
 * (re)subscription supersedes what is pending. Thread-safe: the adapter's thread calls {@link #rejoined}, the feed's
 * thread {@link #poll}.
 */
final class GapBackfill implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GapBackfill.class);
    static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration RETRY_MIN = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    /** The broker's finished 1-minute bars of {@code instrument} starting in [from, to), oldest first. */
    interface Minutes {
        List<Bar> of(Instrument instrument, Instant from, Instant to);
    }

    /**
     * What the back-fill is doing, for the engine's health.
     *
     * @param pending        gaps wait for their history now (no bar reaches the engine meanwhile)
     * @param since          when the pending gap opened (the stream's last trade before it), null when none
     * @param failedAttempts failed fetches of the pending gaps
     * @param lastError      the last fetch failure (of any gap), null when none
     * @param filledGaps     gaps filled since the feed started
     * @param backfilledBars bars emitted from history alone
     * @param completedBars  bars emitted from history and trades
     */
    record Status(boolean pending, Instant since, int failedAttempts, String lastError, long filledGaps, long backfilledBars,
                  long completedBars) { }

    private final TradeBars bars;
    private final Minutes minutes;
    private final Clock clock;
    private final Duration delay;
    private final String label;
    private final ExecutorService fetcher;
    // guarded by this
    private List<TradeBars.Gap> pending = List.of();
    private Instant nextAttempt;
    private boolean inFlight;
    private int attempts;
    private String lastError;
    private long sinceMillis;
    private long filledGaps;

    /** @param label names the account in logs (never a credential) */
    GapBackfill(TradeBars bars, Minutes minutes, Clock clock, Duration delay, String label) {
        this.bars = Objects.requireNonNull(bars, "bars");
        this.minutes = Objects.requireNonNull(minutes, "minutes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.label = label;
        this.fetcher = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("session-backfill").daemon().factory());
    }

    /**
     * The stream (re)subscribed now; {@code lastHeardMillis} is when it last delivered anything before (the gap counts
     * as silence from then on while it is pending).
     */
    synchronized void rejoined(long lastHeardMillis) {
        Instant at = clock.instant();
        List<TradeBars.Gap> gaps = bars.rejoined(at);
        if (!pending.isEmpty()) lastHeardMillis = Math.min(lastHeardMillis, sinceMillis);
        pending = List.copyOf(gaps);
        if (gaps.isEmpty()) return;
        sinceMillis = lastHeardMillis;
        attempts = 0;
        nextAttempt = gaps.getFirst().to().plus(delay);
        log.info("Market data of {} (re)subscribed at {}: back-filling {} instrument(s) from the broker's history from {} at {}",
                label, at, gaps.size(), gaps.getFirst().from(), nextAttempt);
    }

    /** The stream dropped: {@link TradeBars#dropped}. */
    void dropped() {
        bars.dropped();
    }

    /** Starts the pending fetch when it is due and none runs (the feed's thread, often). */
    void poll(Instant now) {
        List<TradeBars.Gap> fetching;
        synchronized (this) {
            if (pending.isEmpty() || inFlight || now.isBefore(nextAttempt)) return;
            inFlight = true;
            fetching = pending;
        }
        try {
            fetcher.execute(() -> fetch(fetching));
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                inFlight = false;
            }
        }
    }

    private void fetch(List<TradeBars.Gap> fetching) {
        Map<TradeBars.Gap, List<Bar>> got = new LinkedHashMap<>();
        try {
            for (TradeBars.Gap gap : fetching) got.put(gap, minutes.of(gap.instrument(), gap.from(), gap.to()));
        } catch (RuntimeException e) {
            synchronized (this) {
                inFlight = false;
                if (pending != fetching) return; // superseded meanwhile
                attempts++;
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                long wait = Math.min(RETRY_MAX.toMillis(), RETRY_MIN.toMillis() << Math.min(attempts - 1, 16));
                nextAttempt = clock.instant().plusMillis(wait);
                log.warn("Market data of {}: the history of the gap could not be read (attempt {}: {}); again in {} ms",
                        label, attempts, lastError, wait);
            }
            return;
        }
        synchronized (this) {
            inFlight = false;
            if (pending != fetching) return;
            List<String> filled = new ArrayList<>();
            for (var e : got.entrySet()) {
                bars.filled(e.getKey(), e.getValue());
                filled.add(e.getKey().instrument().symbol() + " " + e.getValue().size());
            }
            pending = List.of();
            filledGaps++;
            log.info("Market data of {}: gap {} – {} back-filled from the broker's 1-minute history ({})", label,
                    fetching.getFirst().from(), fetching.getFirst().to(), String.join(", ", filled));
        }
    }

    /** Whether gaps wait for their history. */
    synchronized boolean pending() {
        return !pending.isEmpty();
    }

    /** When the pending gap opened (wall millis); only meaningful while {@link #pending()}. */
    synchronized long sinceMillis() {
        return sinceMillis;
    }

    synchronized Status status() {
        boolean open = !pending.isEmpty();
        return new Status(open, open ? Instant.ofEpochMilli(sinceMillis) : null, open ? attempts : 0, lastError, filledGaps,
                bars.backfilled(), bars.completed());
    }

    @Override
    public void close() {
        fetcher.shutdownNow();
    }
}
