package io.tradepilot.brokers.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the broker adapters' venues share: the engine's calls (on its writer thread) only queue work on the adapter's
 * one thread, which talks to the broker; reports go to the engine as {@link EngineCommand.VenueReport}s, and those
 * learnt before {@link #start} are delivered first, in order. A subclass implements the four calls on the adapter thread.
 */
public abstract class QueuedVenue implements ExecutionVenue, AutoCloseable {

    /** The adapter's one thread: every call to the broker and every report happens on it. */
    protected final ScheduledExecutorService thread;
    private final Duration requestTimeout;
    private final Duration answerTimeout;
    private final Duration resolveDelay;
    private volatile Consumer<ExecutionReport> sink;
    private final List<ExecutionReport> early = new ArrayList<>();

    /**
     * @param requestTimeout how long one broker request may take
     * @param answerTimeout  the engine's {@link ExecutionVenue#answerTimeout()}
     * @param resolveDelay   how long to wait before asking about an order whose outcome was not seen ({@link #later})
     */
    protected QueuedVenue(ScheduledExecutorService thread, Duration requestTimeout, Duration answerTimeout, Duration resolveDelay) {
        this.thread = Objects.requireNonNull(thread, "thread");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
        this.resolveDelay = Objects.requireNonNull(resolveDelay, "resolveDelay");
    }

    /** Starts delivering reports to {@code engine} (reports learnt before are delivered first). */
    public void start(EngineInput engine) {
        Objects.requireNonNull(engine, "engine");
        thread.execute(() -> {
            sink = r -> engine.accept(new EngineCommand.VenueReport(r));
            early.forEach(sink);
            early.clear();
        });
    }

    @Override
    public Duration answerTimeout() {
        return answerTimeout;
    }

    // ------------------------------------------------------------------ the port (engine's writer thread: queue only)

    @Override
    public final void submit(VenueOrder order) {
        thread.execute(() -> place(order));
    }

    @Override
    public final void cancel(VenueOrder order) {
        thread.execute(() -> cancelNow(order));
    }

    @Override
    public final void modify(VenueOrder order, OrderRequest amended) {
        thread.execute(() -> modifyNow(order, amended));
    }

    @Override
    public final void resolve(VenueOrder order) {
        thread.execute(() -> resolveNow(order));
    }

    /** Sends the order once (adapter thread); never again, whatever the answer. */
    protected abstract void place(VenueOrder order);

    /** Asks the broker to cancel the order (adapter thread). */
    protected abstract void cancelNow(VenueOrder order);

    /** Asks the broker to change the order (adapter thread). */
    protected abstract void modifyNow(VenueOrder order, OrderRequest amended);

    /** Asks the broker what became of the order and reports it (adapter thread); unknown there means rejected. */
    protected abstract void resolveNow(VenueOrder order);

    // ------------------------------------------------------------------ for the subclass (adapter thread)

    /** Hands {@code r} to the engine, or keeps it until {@link #start}. */
    protected void report(ExecutionReport r) {
        Consumer<ExecutionReport> s = sink;
        if (s == null) early.add(r);
        else s.accept(r);
    }

    /** Runs {@code task} on the adapter thread after the resolve delay. */
    protected void later(Runnable task) {
        thread.schedule(task, resolveDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How long a placement without a usable answer may still be on its way to the broker: twice the request timeout,
     * at least the answer timeout. An order the broker does not know after that never arrived.
     */
    protected Duration grace() {
        Duration twice = requestTimeout.multipliedBy(2);
        return twice.compareTo(answerTimeout) > 0 ? twice : answerTimeout;
    }

    /** Returns once the adapter's thread has run everything queued before the call (tests). */
    public void awaitIdle() {
        CompletableFuture.runAsync(() -> { }, thread).join();
    }
}
