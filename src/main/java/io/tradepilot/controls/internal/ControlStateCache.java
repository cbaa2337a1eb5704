package io.tradepilot.controls.internal;

import io.tradepilot.controls.ControlsReading;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The control state in memory, for the trading gate (the engine asks it for every order and must
 * not wait on Redis). Refreshed every {@code interval} and at once on every change event. A state
 * older than {@code maxAge} — Redis unreachable for a while — reads as unknown: fail closed.
 */
final class ControlStateCache implements Supplier<ControlsReading>, AutoCloseable {

    private final ControlStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("control-state-refresh").daemon().factory());
    private volatile ControlsReading latest;

    ControlStateCache(ControlStore store, Clock clock, Duration maxAge) {
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
        this.latest = new ControlsReading.Unknown("not read yet", clock.instant());
    }

    /** Starts refreshing every {@code interval}. */
    ControlStateCache start(Duration interval) {
        refresh();
        scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the store now (serially, so an older read never overwrites a newer one). */
    synchronized void refresh() {
        try {
            latest = store.read().known();
        } catch (RuntimeException e) {
            latest = new ControlsReading.Unknown(e.getMessage(), clock.instant());
        }
    }

    /** Asks for a refresh soon, without waiting (e.g. from the change listener thread). */
    void refreshSoon() {
        scheduler.execute(this::refresh);
    }

    @Override
    public ControlsReading get() {
        ControlsReading reading = latest;
        if (reading instanceof ControlsReading.Known known
                && Duration.between(known.readAt(), clock.instant()).compareTo(maxAge) > 0) {
            return new ControlsReading.Unknown("the control state has not been read for more than "
                    + maxAge.toSeconds() + " s", clock.instant());
        }
        return reading;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
