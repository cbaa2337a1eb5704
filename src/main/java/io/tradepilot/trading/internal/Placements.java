package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The write-ahead placement path of one running engine: commands that place orders ({@code PlaceOrder},
 * {@code Flatten}, {@code SquareOff}) are queued and handed to the engine by the feed thread between two time
 * steps, which waits until the engine has decided and every order it accepted is committed to the ledger. So no
 * bar reaches the paper venue, and no order leaves for a broker ({@link WriteAheadVenue}), before its row
 * (with its deterministic client order id) exists. Callers may wait for the recorded decision.
 */
final class Placements {

    private static final Logger log = LoggerFactory.getLogger(Placements.class);

    private final SingleWriterEngine engine;
    private final LedgerWriter writer;
    /** Commands the engine threw on: the feed must not wait for their decision. */
    private final AtomicLong refusedCommands;
    private final LinkedBlockingQueue<EngineCommand> queue = new LinkedBlockingQueue<>();
    /** Callers of {@link #sendAndAwaitRecorded} waiting until their command is applied and recorded (by identity). */
    private final Map<EngineCommand, CompletableFuture<Boolean>> applied = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Callers of {@link #placeAndAwait} waiting for the engine's recorded decision, by client order id. */
    private final Map<ClientOrderId, CompletableFuture<EngineHost.Decision>> decisions = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    Placements(SingleWriterEngine engine, LedgerWriter writer, AtomicLong refusedCommands) {
        this.engine = engine;
        this.writer = writer;
        this.refusedCommands = refusedCommands;
    }

    /** Stops waiting: the feed thread returns from whatever it waits for. */
    void stop() {
        active = false;
    }

    /** Queues a command that places orders; the feed thread applies it between two steps. */
    void enqueue(EngineCommand command) {
        queue.add(command);
    }

    /** Applies every queued placement now (feed thread). */
    void drain() {
        for (EngineCommand p; (p = queue.poll()) != null; ) place(p);
    }

    /** Waits at most {@code nanos} for a queued placement and applies it (feed thread). */
    void placeNext(long nanos) throws InterruptedException {
        place(queue.poll(nanos, TimeUnit.NANOSECONDS));
    }

    /**
     * Hands the engine one placement and waits until it is decided and, when accepted, committed: no bar
     * reaches the paper venue before the order's row exists.
     */
    private void place(EngineCommand command) {
        if (command == null) return;
        if (!(command instanceof EngineCommand.PlaceOrder placement)) {
            boolean recorded = applyAndRecord(command);
            var waiting = applied.remove(command);
            if (waiting != null) waiting.complete(recorded);
            return;
        }
        var cid = placement.request().clientOrderId();
        writer.expectDecision(cid);
        long refusedBefore = refusedCommands.get();
        engine.accept(placement);
        while (!writer.decided(cid) && refusedCommands.get() == refusedBefore) {
            if (!active) return;
            LockSupport.parkNanos(100_000);
        }
        while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
            if (!active) return;
            log.warn("Waiting for the ledger to record {} before the next bar", cid);
        }
    }

    /**
     * Hands the engine a command that may place orders itself (a flatten, a square-off), waits until it is applied
     * (a query queued behind it has answered) and every order it accepted is committed.
     */
    boolean applyAndRecord(EngineCommand command) {
        engine.accept(command);
        if (!awaitApplied()) return false;
        while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
            if (!active) return false;
            log.warn("Waiting for the ledger to record the orders of {} before the next bar", command.getClass().getSimpleName());
        }
        return true;
    }

    /**
     * Waits until the engine has applied (or refused) every command handed to it before this call: a query
     * queued behind them has answered. Woken by the answer itself, not by polling. False when stopped first or
     * the engine has stopped.
     */
    boolean awaitApplied() {
        var answered = engine.query(core -> Boolean.TRUE);
        while (true) {
            try {
                answered.get(100, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException notYet) {
                if (!active) return false;
            } catch (ExecutionException stopped) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** See {@link EngineHost#placeAndAwait}. */
    Optional<EngineHost.Decision> placeAndAwait(OrderRequest request, Duration timeout) throws InterruptedException {
        ClientOrderId cid = request.clientOrderId();
        var answer = new CompletableFuture<EngineHost.Decision>();
        decisions.put(cid, answer);
        try {
            enqueue(new EngineCommand.PlaceOrder(request));
            return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            decisions.remove(cid);
        }
    }

    /** See {@link EngineHost#sendAndAwaitRecorded}; {@code command} is a Flatten or a SquareOff. */
    boolean sendAndAwaitRecorded(EngineCommand command, Duration timeout) throws InterruptedException {
        var recorded = new CompletableFuture<Boolean>();
        applied.put(command, recorded);
        try {
            enqueue(command);
            return recorded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } finally {
            applied.remove(command);
        }
    }

    /** Called on the ledger thread for every committed event: answers whoever waits for that decision. */
    void recorded(EngineEvent event) {
        if (decisions.isEmpty()) return;
        switch (event) {
            case EngineEvent.OrderAccepted a -> complete(a.clientOrderId(), new EngineHost.Decision.Accepted(a.orderId().value()));
            case EngineEvent.OrderRejected r -> complete(r.clientOrderId(), new EngineHost.Decision.Rejected(r.code(), r.message()));
            case EngineEvent.DuplicateOrderIgnored d -> complete(d.clientOrderId(), new EngineHost.Decision.Duplicate(d.existing().value()));
            default -> { }
        }
    }

    private void complete(ClientOrderId cid, EngineHost.Decision decision) {
        var waiting = decisions.get(cid);
        if (waiting != null) waiting.complete(decision);
    }
}
