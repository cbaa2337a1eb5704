package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.orders.ClientOrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records the engine's events in the ledger off the writer thread. The engine's event port
 * ({@link #publish}) only enqueues, so the writer never waits on the database; a thread of its own
 * drains the queue in batches and writes each batch in one transaction, in engine order. A batch that
 * fails (database down) is retried, with back-off, until it is written or the writer is halted.
 * The events of one engine command (a fill, its position change, the trades it closed) are queued as one
 * group ({@link #commandApplied}), so a batch never holds a part of them: a crash cannot leave a fill
 * recorded without its position row or its round trip.
 *
 * <p>Group commit: each batch takes every group queued when the thread gets to it (up to
 * {@link #MAX_BATCH} queue entries), so while one transaction commits the next one collects whatever the
 * engine produces meanwhile, and one commit (one WAL flush) serves many commands. A batch with nothing
 * urgent (no accepted order, no risk trip) lingers up to {@link #LINGER} for more, so that the feed,
 * when it next waits for an order, finds the writer free instead of in the middle of a commit. The
 * batch is folded into one JDBC batch ({@link LedgerBatch}).
 *
 * <p>Write-ahead for orders: {@link #acceptedOrders()} counts OrderAccepted events published,
 * {@link #durableOrders()} those committed; the feed waits ({@link #awaitOrdersDurable}) until the batch
 * holding an accepted order has committed before the next bar reaches the paper broker (see
 * {@link EngineHost}), so no order is ever executed before it is recorded.
 */
final class LedgerWriter implements EngineEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    /** Queue entries (command groups or time steps) per transaction at most. */
    static final int MAX_BATCH = 10_000;
    /** How long a transaction without anything urgent waits for more to write ({@link #linger}). */
    static final Duration LINGER = Duration.ofMillis(10);

    private final JooqLedger ledger;
    private final Function<String, Instrument> instruments;
    private final ZoneId marketZone;
    private final Consumer<EngineEvent> reactions;
    private final LeaderLock.LedgerFence fence;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long accepted;        // written by the engine's writer thread only
    private volatile long durable;         // written by this writer's thread only
    private final java.util.concurrent.atomic.AtomicLong enqueued = new java.util.concurrent.atomic.AtomicLong();
    private volatile long written;
    private volatile boolean halted;
    private long nextFillSeq;
    private static final Object STOP = new Object();
    private final java.util.Set<ClientOrderId> awaiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Notified after every commit and on halt: wakes {@link #awaitOrdersDurable}. */
    private final Object committed = new Object();
    /** Set (then the writer unparked) when an urgent entry is queued; cleared by a lingering writer before it looks. */
    private volatile boolean urgentQueued;
    /** The current command's events, queued together when it is applied. Engine writer thread only. */
    private List<LedgerItem> commandEvents = new ArrayList<>();
    private volatile TradingMetrics metrics = TradingMetrics.NONE;

    /**
     * @param reactions called on the ledger thread after each committed batch, for every event of it,
     *                  in order (automatic triggers); must not block for long
     */
    LedgerWriter(JooqLedger ledger, Function<String, Instrument> instruments, ZoneId marketZone,
                 Consumer<EngineEvent> reactions) {
        this(ledger, instruments, marketZone, reactions, LeaderLock.LedgerFence.NONE);
    }

    /** @param fence checked first in every batch's transaction (the leader lock's fencing: see {@link LeaderLock}) */
    LedgerWriter(JooqLedger ledger, Function<String, Instrument> instruments, ZoneId marketZone,
                 Consumer<EngineEvent> reactions, LeaderLock.LedgerFence fence) {
        this.fence = fence;
        this.ledger = ledger;
        this.instruments = instruments;
        this.marketZone = marketZone;
        this.reactions = reactions;
        this.nextFillSeq = ledger.nextFillSeq();
        this.thread = Thread.ofPlatform().name("trading-ledger").daemon().unstarted(this::loop);
        this.thread.start();
    }

    /** The engine's outbound port: enqueues and returns at once. Called on the writer thread. */
    @Override
    public void publish(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderAccepted a -> {
                accepted++;
                awaiting.remove(a.clientOrderId());
            }
            case EngineEvent.PositionAdopted ignored -> accepted++; // written ahead like an order: durable before the next bar
            case EngineEvent.OrderRejected r -> awaiting.remove(r.clientOrderId());
            case EngineEvent.DuplicateOrderIgnored d -> awaiting.remove(d.clientOrderId());
            default -> { }
        }
        commandEvents.add(new LedgerItem.Event(event));
    }

    /** Queues the command's events as one group (see the class comment). Called on the writer thread. */
    @Override
    public void commandApplied() {
        if (commandEvents.isEmpty()) return;
        List<LedgerItem> group = commandEvents;
        commandEvents = new ArrayList<>();
        enqueued.addAndGet(group.size());
        queue.add(group);
        if (urgent(group)) wake();
    }

    /** Tells a lingering writer that something urgent is queued ({@link #linger}). */
    private void wake() {
        urgentQueued = true;
        LockSupport.unpark(thread);
    }

    /** Records each committed batch's duration in {@code metrics} ({@link TradingMetrics#ledgerWrite}). */
    void meterWith(TradingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Registers a placement whose decision (accepted, rejected, duplicate) the caller will wait for. */
    void expectDecision(ClientOrderId id) {
        awaiting.add(id);
    }

    /** True once the engine has decided on a placement registered with {@link #expectDecision}. */
    boolean decided(ClientOrderId id) {
        return !awaiting.contains(id);
    }

    /** Enqueues a non-event item (a finished time step), after everything published before. */
    void enqueue(LedgerItem item) {
        enqueued.incrementAndGet();
        queue.add(item);
    }

    long acceptedOrders() {
        return accepted;
    }

    long durableOrders() {
        return durable;
    }

    /** True once {@link #halt} was called: nothing more is written. */
    boolean halted() {
        return halted;
    }

    /**
     * Waits until every OrderAccepted published so far is committed, that is until the group commit
     * holding the newest one has ended; false when halted or the time ran out. Returns at once when
     * nothing is outstanding. An interrupt does not cut the wait short; it stays set for the caller.
     */
    boolean awaitOrdersDurable(Duration timeout) {
        long target = accepted;
        return awaitCommit(() -> durable >= target, timeout);
    }

    /**
     * Backpressure for the feed: waits until fewer than {@code limit} queue entries (command groups or time
     * steps) wait for the writer, so that a feed faster than the database holds a bounded backlog in memory
     * instead of growing it without end. False when halted or the time ran out; as {@link #awaitOrdersDurable}.
     */
    boolean awaitBacklogBelow(int limit, Duration timeout) {
        return awaitCommit(() -> queue.size() < limit, timeout);
    }

    /** Waits, woken by each commit (and by a halt), until {@code done} holds; false when halted or out of time. */
    private boolean awaitCommit(java.util.function.BooleanSupplier done, Duration timeout) {
        if (done.getAsBoolean()) return true;
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            synchronized (committed) {
                while (!done.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (halted || left <= 0) return false;
                    try {
                        TimeUnit.NANOSECONDS.timedWait(committed, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            return true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Items waiting to be written. */
    long backlog() {
        return enqueued.get() - written;
    }

    private void loop() {
        List<Object> batch = new ArrayList<>();
        boolean stopping = false;
        long taken = 0;
        while (!halted && !(stopping && queue.isEmpty())) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                taken = System.nanoTime();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                linger(batch);
            } catch (InterruptedException e) {
                if (halted) return;
                continue;
            }
            List<LedgerItem> items = new ArrayList<>(batch.size());
            for (Object o : batch) {
                if (o == STOP) stopping = true;
                else if (o instanceof List<?> group) group.forEach(i -> items.add((LedgerItem) i));
                else items.add((LedgerItem) o);
            }
            batch.clear();
            if (items.isEmpty()) continue;
            if (!writeWithRetry(items)) return;
            metrics.ledgerWrite(System.nanoTime() - taken);
        }
    }

    /**
     * Keeps collecting for up to {@link #LINGER} while nothing in {@code batch} is urgent, so that time
     * steps and fills share a commit with the ones that follow. Urgent, and written at once: an accepted
     * order (the feed waits for it before the next bar), a risk trip (its automatic trigger runs after the
     * commit) and the end of the writer. The writer sleeps meanwhile and is woken only by an urgent entry
     * ({@link #wake}) or the end of the linger, not by every entry queued: the feed queues one per time step,
     * and a wake-up per step cost the feed and the engine CPU they need on a small machine.
     */
    private void linger(List<Object> batch) throws InterruptedException {
        long end = System.nanoTime() + LINGER.toNanos();
        int scanned = 0;
        while (batch.size() < MAX_BATCH) {
            for (; scanned < batch.size(); scanned++) if (urgent(batch.get(scanned))) return;
            long left = end - System.nanoTime();
            if (left <= 0) return;
            urgentQueued = false;
            if (queue.drainTo(batch, MAX_BATCH - batch.size()) > 0) continue;
            if (!urgentQueued) LockSupport.parkNanos(this, left);
            if (halted) throw new InterruptedException("halted");
            Thread.interrupted(); // an interrupt only matters when halted
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private static boolean urgent(Object queued) {
        if (queued == STOP) return true;
        if (!(queued instanceof List<?> group)) return false;
        for (Object item : group) {
            if (item instanceof LedgerItem.Event(EngineEvent event)
                    && (event instanceof EngineEvent.OrderAccepted || event instanceof EngineEvent.PositionAdopted
                    || event instanceof EngineEvent.RiskTripped)) return true;
        }
        return false;
    }

    private boolean writeWithRetry(List<LedgerItem> items) {
        long backoff = 100;
        while (!halted) {
            try {
                nextFillSeq = ledger.write(items, instruments, marketZone, nextFillSeq, fence);
                long orders = items.stream().filter(i -> i instanceof LedgerItem.Event e
                        && (e.event() instanceof EngineEvent.OrderAccepted || e.event() instanceof EngineEvent.PositionAdopted)).count();
                written += items.size();
                synchronized (committed) {
                    durable += orders;
                    committed.notifyAll();
                }
                for (LedgerItem item : items) {
                    if (item instanceof LedgerItem.Event e) {
                        try {
                            reactions.accept(e.event());
                        } catch (RuntimeException ex) {
                            log.warn("A reaction to {} failed: {}", e.event().getClass().getSimpleName(), ex.toString());
                        }
                    }
                }
                return true;
            } catch (RuntimeException e) {
                log.error("Could not write {} ledger items, retrying in {} ms: {}", items.size(), backoff, e.toString());
                LockSupport.parkNanos(Duration.ofMillis(backoff).toNanos());
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        return false;
    }

    /**
     * Writes everything enqueued so far, then stops. Waits at most {@link #CLOSE_TIMEOUT} (the database
     * may be down): then it halts and logs how many items were not written.
     */
    @Override
    public void close() throws InterruptedException {
        commandApplied(); // events published outside a command (none today); the engine's thread has ended
        queue.add(STOP);
        wake();
        thread.join(CLOSE_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            log.error("The ledger could not be written within {}; {} items are lost (the ledger stays consistent, "
                    + "a restart recovers from what it holds)", CLOSE_TIMEOUT, backlog());
            halt();
        }
    }

    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** Stops at once; whatever is still queued is lost, as in a crash. */
    void halt() throws InterruptedException {
        halted = true;
        synchronized (committed) {
            committed.notifyAll();
        }
        thread.interrupt();
        thread.join();
    }
}
