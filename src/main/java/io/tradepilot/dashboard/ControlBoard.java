package io.tradepilot.dashboard;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The controls as every open dashboard shows them, read once for all sessions: on each control change the board
 * reads the three states once and hands the same {@link Snapshot} to every subscribed dashboard, which fetches the
 * newest history rows and the chart of changes per hour from it (each read at most once per snapshot). Before, each
 * session read all of this itself on every change — five Redis round trips and the decoding of about fifty history
 * entries per session, one session after another on the thread that delivers the change, so that with 200 open
 * dashboards the last one saw the change long after the first.
 *
 * <p>The snapshot is handed to the dashboards by a few threads at once ({@link #DELIVERY_THREADS}, each a share of
 * them in turn), so that the pushes of 200 sessions do not queue behind one another on one thread; snapshots carry a
 * {@link Snapshot#sequence()} so that a dashboard handed two in the wrong order keeps the newer.
 *
 * <p>A {@link #current} reading may be shared for up to its {@code maxAge} (the dashboards' 5-second poll, which
 * notices a state that became unreadable without a change, asks for one at most a second old: one read a second
 * for all polling sessions). {@link #readNow} always reads. An unreadable state is a snapshot too
 * ({@link ControlsReading.Unknown}): every dashboard shows it as blocked. Thread-safe.
 */
@Component
public class ControlBoard {

    private static final Logger log = LoggerFactory.getLogger(ControlBoard.class);

    /** History rows of each control a snapshot keeps: the first page a dashboard's grid asks for. */
    public static final int HISTORY_PAGE = 50;
    /** Threads handing a snapshot to the dashboards: at least two, at most the processors. */
    static final int DELIVERY_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ControlService controls;
    private final ControlActivityQuery activity;
    private final CopyOnWriteArrayList<Consumer<Snapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final ControlEvents.Subscription subscription;
    private final Object reading = new Object();
    private final java.util.concurrent.Executor delivery;
    private final java.util.concurrent.ExecutorService ownDelivery;
    private final int shares;
    private long sequence;
    private volatile Snapshot latest;

    @Autowired
    public ControlBoard(ControlService controls, ControlEvents events, ControlActivityQuery activity) {
        this(controls, events, activity, null, DELIVERY_THREADS);
    }

    /**
     * {@code delivery} runs the hand-overs, split into {@code shares} parts (tests: {@code Runnable::run}, one share);
     * null: a pool of {@code shares} daemon threads of the board's own.
     */
    public ControlBoard(ControlService controls, ControlEvents events, ControlActivityQuery activity,
                        java.util.concurrent.Executor delivery, int shares) {
        this.controls = controls;
        this.activity = activity;
        this.shares = Math.max(1, shares);
        this.ownDelivery = delivery == null ? java.util.concurrent.Executors.newFixedThreadPool(this.shares,
                Thread.ofPlatform().name("control-board-", 0).daemon().factory()) : null;
        this.delivery = delivery == null ? ownDelivery : delivery;
        this.subscription = events.subscribe(change -> publish());
    }

    /**
     * Calls {@code subscriber} with a new snapshot after each control change (on one of the board's delivery threads,
     * possibly two snapshots at once: compare their {@link Snapshot#sequence()}), until the returned subscription is
     * cancelled.
     */
    public ControlEvents.Subscription subscribe(Consumer<Snapshot> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * The last snapshot when it was read less than {@code maxAge} ago, else a new one (one read for concurrent callers;
     * {@code maxAge} zero always reads).
     */
    public Snapshot current(Duration maxAge) {
        Snapshot last = latest;
        if (last != null && !last.olderThan(maxAge)) return last;
        synchronized (reading) {
            last = latest;
            if (last != null && !last.olderThan(maxAge)) return last;
            return read();
        }
    }

    /** A snapshot read now (after the user's own action, which must show at once). */
    public Snapshot readNow() {
        synchronized (reading) {
            return read();
        }
    }

    /**
     * Reads a snapshot once and hands it to every subscriber (with none, only forgets the last snapshot). Public for
     * tests; each control change calls it.
     */
    public void publish() {
        if (subscribers.isEmpty()) {
            latest = null; // nobody to show it to: the next dashboard reads afresh
            return;
        }
        Snapshot snapshot = readNow();
        List<Consumer<Snapshot>> all = List.copyOf(subscribers);
        int parts = Math.min(shares, all.size());
        for (int part = 0; part < parts; part++) {
            List<Consumer<Snapshot>> share = all.subList(all.size() * part / parts, all.size() * (part + 1) / parts);
            try {
                delivery.execute(() -> share.forEach(subscriber -> handOver(subscriber, snapshot)));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return;
            }
        }
    }

    private static void handOver(Consumer<Snapshot> subscriber, Snapshot snapshot) {
        try {
            subscriber.accept(snapshot);
        } catch (RuntimeException e) {
            log.warn("A dashboard could not be handed the control state: {}", e.toString());
        }
    }

    private Snapshot read() {
        Snapshot snapshot = new Snapshot(++sequence, controls.read(), controls, activity, System.nanoTime());
        latest = snapshot;
        return snapshot;
    }

    @PreDestroy
    void close() {
        subscription.cancel();
        subscribers.clear();
        if (ownDelivery != null) ownDelivery.shutdownNow();
    }

    /**
     * The three states as read at one moment, with the newest history rows and the changes per hour read from the
     * store at most once per snapshot, when a dashboard first asks (so a snapshot nobody shows costs one read).
     */
    public static final class Snapshot {

        private final long sequence;
        private final ControlsReading reading;
        private final ControlService controls;
        private final ControlActivityQuery activityQuery;
        private final long readAtNanos;
        private final Map<Control, List<ControlChanged>> newest = new EnumMap<>(Control.class);
        private ControlActivity activity;

        Snapshot(long sequence, ControlsReading reading, ControlService controls, ControlActivityQuery activityQuery, long readAtNanos) {
            this.sequence = sequence;
            this.reading = reading;
            this.controls = controls;
            this.activityQuery = activityQuery;
            this.readAtNanos = readAtNanos;
        }

        /** The order of the reads: a snapshot with a higher number was read later. */
        public long sequence() {
            return sequence;
        }

        /** The three states, or why they could not be read. */
        public ControlsReading reading() {
            return reading;
        }

        /**
         * The rows {@code offset} to {@code offset + limit} of a control's history, newest first: from the snapshot's
         * {@value #HISTORY_PAGE} newest rows when they cover them, else read from the store.
         *
         * @throws RuntimeException when the history cannot be read
         */
        public List<ControlChanged> history(Control control, int offset, int limit) {
            List<ControlChanged> page;
            synchronized (newest) {
                page = newest.get(control);
                if (page == null) {
                    page = List.copyOf(controls.history(control, HISTORY_PAGE));
                    newest.put(control, page);
                }
            }
            if (offset + limit <= HISTORY_PAGE || page.size() < HISTORY_PAGE) {
                return page.subList(Math.min(offset, page.size()), Math.min(offset + limit, page.size()));
            }
            return controls.history(control, offset + limit).stream().skip(offset).toList();
        }

        /**
         * Control changes per hour over the last 24 hours (one computation per snapshot, the same instance for every
         * dashboard).
         *
         * @throws RuntimeException when the histories cannot be read
         */
        public synchronized ControlActivity lastDay() {
            if (activity == null) activity = activityQuery.lastHours(24);
            return activity;
        }

        boolean olderThan(Duration maxAge) {
            return System.nanoTime() - readAtNanos >= maxAge.toNanos();
        }
    }
}
