package io.tradepilot.engine.core;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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
        Objects.requireNonNull(command, "command");
        if (!running) throw new IllegalStateException("engine stopped");
        queue.add(command);
    }

    /**
     * Runs {@code question} on the writer thread, after every command queued before it and before any
     * queued after it, and completes the future with its answer (or exceptionally with what it threw, or
     * with IllegalStateException when the engine stops first). The question must only read: it may
     * not change the engine. Refused with IllegalStateException when the engine is stopped.
     */
    public <T> CompletableFuture<T> query(Function<TradingEngine, T> question) {
        Objects.requireNonNull(question, "question");
        if (!running) throw new IllegalStateException("engine stopped");
        Query<T> q = new Query<>(question, new CompletableFuture<>());
        queue.add(q);
        return q.answer();
    }

    private record Query<T>(Function<TradingEngine, T> question, CompletableFuture<T> answer) {
        void run(TradingEngine engine) {
            try {
                answer.complete(question.apply(engine));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
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
            if (next == STOP) {
                failPendingQueries();
                return;
            }
            if (next instanceof Query<?> q) {
                q.run(engine);
                continue;
            }
            try {
                engine.accept((EngineCommand) next);
            } catch (RuntimeException e) {
                onError.accept(e);
            }
            latest = engine.snapshot();
        }
    }

    private void failPendingQueries() {
        for (Object o; (o = queue.poll()) != null; ) {
            if (o instanceof Query<?> q) q.answer().completeExceptionally(new IllegalStateException("engine stopped"));
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
