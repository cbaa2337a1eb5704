package io.tradepilot.reconciliation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs reconciliation once the application is ready (start-up) and then every {@code tradepilot.reconciliation.interval},
 * on its own thread; a failed run is logged and the next one comes on time. Besides, every {@link #WATCH} it looks at
 * the session the engine leading here trades through: a session not yet reconciled (an engine start, a failover, a
 * switch of account) is reconciled at once, and again at each look until a run reads its book (the host holds new
 * entries until a run of that session is clean). Off with {@code tradepilot.reconciliation.enabled=false}.
 */
final class ReconciliationSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final ReconciliationRunner runner;
    private final ReconciliationProperties properties;
    /** How often the schedule looks for a session not yet reconciled. */
    static final java.time.Duration WATCH = java.time.Duration.ofSeconds(5);

    /** The last session whose book a run read (touched on the schedule's thread only). */
    private io.tradepilot.brokers.VenueSession reconciled;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reconciliation").daemon(true).factory());

    ReconciliationSchedule(ReconciliationRunner runner, ReconciliationProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) return;
        thread.scheduleWithFixedDelay(this::runOnce, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::runForNewSession, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runForNewSession() {
        var session = runner.session();
        if (session.isPresent() && session.get() != reconciled) runOnce();
    }

    private void runOnce() {
        try {
            var session = runner.session().orElse(null);
            var run = runner.run();
            if (run.outcome() != io.tradepilot.reconciliation.ReconciliationRun.Outcome.FAILED
                    && run.outcome() != io.tradepilot.reconciliation.ReconciliationRun.Outcome.NO_VENUE) {
                reconciled = session;
            }
        } catch (RuntimeException e) {
            log.warn("Reconciliation run failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
