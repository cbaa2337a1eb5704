package io.tradepilot.alerts.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A source of alerts that looks for its facts every {@code period} on a daemon thread of its own, from the
 * application's start to its stop ({@link #poll} first runs one period after the start). {@link #poll} must not
 * throw: a fact that cannot be read now is looked for again at the next poll.
 */
abstract class PollingSource implements SmartLifecycle {

    private final String threadName;
    private final Duration period;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    PollingSource(String threadName, Duration period) {
        this.threadName = threadName;
        this.period = period;
    }

    /** Looks once and raises what it finds. */
    abstract void poll();

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
        timer.scheduleWithFixedDelay(this::poll, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
