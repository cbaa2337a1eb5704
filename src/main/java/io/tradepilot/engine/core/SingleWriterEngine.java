package io.tradepilot.engine.core;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Runs a {@link TradingEngine} on its own writer thread for live use. Any thread may {@link #accept}
 * commands: they are queued and applied one at a time in arrival order. After each command the writer
 * publishes a fresh {@link EngineSnapshot}, readable from any thread with {@link #latest()}. Errors
 * thrown while applying a command are handed to {@code onError} and do not stop the writer.
 */
public final class SingleWriterEngine implements EngineInput, AutoCloseable {

    private final TradingEngine engine;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Consumer<Throwable> onError;
    private volatile EngineSnapshot latest;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong submitted = new java.util.concurrent.atomic.AtomicLong();
    private volatile long applied;
    private static final Object STOP = new Object();

    public SingleWriterEngine(TradingEngine engine, ThreadFactory threads, Consumer<Throwable> onError) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.latest = engine.snapshot();
        this.writer = threads.newThread(this::loop);
        this.writer.start();
    }

    @Override
    public void accept(EngineCommand command) {
        submit(command);
    }

    /**
     * Queues {@code command} like {@link #accept} and returns its sequence number: it has been applied
     * (or refused through {@code onError}) once {@link #applied()} reaches that number.
     */
    public synchronized long submit(EngineCommand command) {
        Objects.requireNonNull(command, "command");
        if (!running) throw new IllegalStateException("engine stopped");
        long seq = submitted.incrementAndGet();
        queue.add(command);
        return seq;
    }

    /** How many commands the writer has applied (or refused) so far, in submission order. */
    public long applied() {
        return applied;
    }

    /** The snapshot after the last applied command. */
    public EngineSnapshot latest() {
        return latest;
    }

    private void loop() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == STOP) return;
            try {
                engine.accept((EngineCommand) next);
            } catch (RuntimeException e) {
                onError.accept(e);
            }
            latest = engine.snapshot();
            applied++;
        }
    }

    /** Applies the commands already queued, then stops the writer and waits for it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        queue.add(STOP);
        writer.join();
    }
}
