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
 * on its own thread; a failed run is logged and the next one comes on time. Off with
 * {@code tradepilot.reconciliation.enabled=false}.
 */
final class ReconciliationSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final ReconciliationRunner runner;
    private final ReconciliationProperties properties;
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
    }

    private void runOnce() {
        try {
            runner.run();
        } catch (RuntimeException e) {
            log.warn("Reconciliation run failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
