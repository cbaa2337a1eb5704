package io.tradepilot.base;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work done every {@code period} on a daemon thread of its own, from the application's start to its stop ({@link #poll}
 * first runs one period after the start): the alerts' polling sources, the journal's report writer. {@link #poll}
 * must not throw: what cannot be done now is tried again at the next poll.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final String threadName;
    private final Duration period;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    protected PeriodicTask(String threadName, Duration period) {
        this.threadName = threadName;
        this.period = period;
    }

    /** Does the work once. */
    protected abstract void poll();

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
