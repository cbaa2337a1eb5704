package io.tradepilot.base.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One server-side ticker for many views: every {@code period} it builds one frame from {@code source}
 * (only while someone subscribed) and hands it to each subscriber whose last frame differs, through
 * the subscriber's UI lock ({@link UI#access}). So the pushes per browser are bounded by the period,
 * whatever the rate of what the frame describes, and an unchanged frame is never pushed.
 *
 * <p>Every subscriber is handed the same frame instance: a frame equal to the last one built is replaced by
 * that one, so views that keep their frame hold one shared copy, whenever they subscribed.
 *
 * <p>A subscriber whose UI is detached (closed tab, expired session) is dropped at the next tick; a
 * view unsubscribes on detach by removing its {@link Registration}. A source that throws keeps the
 * last frame (logged, retried at the next tick). Thread-safe. As a Spring bean it starts and stops with
 * the application ({@link SmartLifecycle}).
 *
 * @param <T> the frame: an immutable value with a meaningful {@code equals} (a record)
 */
public class LiveFeed<T> implements AutoCloseable, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /** Where a subscriber's frames go: whether it is still there, and how to run code under its lock. */
    public interface Delivery {
        boolean alive();

        /** Runs {@code command} under the subscriber's lock (possibly later); throws when the subscriber is gone. */
        void run(Runnable command);
    }

    private final String name;
    private final Supplier<T> source;
    private final Duration period;
    private final CopyOnWriteArrayList<Subscriber<T>> subscribers = new CopyOnWriteArrayList<>();
    private volatile T latest;
    private ScheduledExecutorService ticker;

    /**
     * @param name   the ticker thread's name (for thread dumps and logs)
     * @param source builds a frame; called on the ticker thread only
     * @param period time between ticks (at least 50 ms)
     */
    public LiveFeed(String name, Supplier<T> source, Duration period) {
        if (period.toMillis() < 50) throw new IllegalArgumentException("period must be at least 50 ms: " + period);
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        this.period = period;
    }

    /** Starts the ticker thread (idempotent). */
    @Override
    public synchronized void start() {
        if (ticker != null) return;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tickSafely, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the ticker thread and forgets every subscriber. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        subscribers.clear();
    }

    /** Same as {@link #close()}: the application is stopping. */
    @Override
    public void stop() {
        close();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** Pushes frames to {@code ui} (through {@link UI#access}) until the registration is removed or the UI detaches. */
    public Registration subscribe(UI ui, Consumer<T> onFrame) {
        return subscribe(new Delivery() {
            @Override
            public boolean alive() {
                return ui.isAttached() && ui.getSession() != null;
            }

            @Override
            public void run(Runnable command) {
                ui.access(command::run);
            }
        }, onFrame);
    }

    /**
     * Pushes frames to {@code component}'s UI while the component is attached: subscribes on every attach,
     * unsubscribes on every detach. For views that show the feed for as long as they are on screen.
     */
    public void subscribeWhileAttached(Component component, Consumer<T> onFrame) {
        Registration[] current = new Registration[1];
        component.addAttachListener(attached -> current[0] = subscribe(attached.getUI(), onFrame));
        component.addDetachListener(detached -> {
            if (current[0] != null) current[0].remove();
            current[0] = null;
        });
    }

    /** Pushes frames to {@code delivery} until the registration is removed or the delivery is no longer alive. */
    public Registration subscribe(Delivery delivery, Consumer<T> onFrame) {
        var subscriber = new Subscriber<>(delivery, onFrame);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The number of current subscribers (for tests and metrics). */
    public int subscribers() {
        return subscribers.size();
    }

    /** The last frame built, if any. */
    public Optional<T> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * One tick: drops dead subscribers, builds a frame when anyone is subscribed, and delivers it to
     * every subscriber that has not seen an equal frame. Called by the ticker; public for tests.
     */
    public void tick() {
        subscribers.removeIf(s -> !s.delivery.alive());
        if (subscribers.isEmpty()) return;
        T built = source.get();
        // an unchanged frame keeps the instance every subscriber already holds: one copy for all sessions, not one each
        T frame = Objects.equals(built, latest) ? latest : built;
        latest = frame;
        for (Subscriber<T> s : subscribers) {
            if (Objects.equals(s.delivered, frame)) continue;
            s.delivered = frame;
            try {
                s.delivery.run(() -> s.onFrame.accept(frame));
            } catch (UIDetachedException | IllegalStateException gone) {
                subscribers.remove(s);
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("{}: could not build a frame ({}); keeping the last one", name, e.toString());
        }
    }

    private static final class Subscriber<T> {
        final Delivery delivery;
        final Consumer<T> onFrame;
        volatile T delivered;

        Subscriber(Delivery delivery, Consumer<T> onFrame) {
            this.delivery = delivery;
            this.onFrame = onFrame;
        }
    }
}
