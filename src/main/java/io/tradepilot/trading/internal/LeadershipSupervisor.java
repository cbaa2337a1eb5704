package io.tradepilot.trading.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the engine running on exactly one instance, and running again by itself after a database fault.
 * One thread ({@code trading-leadership}) drives the role of this instance:
 * <ul>
 *   <li>{@code LEADER}: every {@code check-every} it confirms that the connection holding the
 *       {@link LeaderLock} answers within {@code check-timeout}. When it does not (connection lost, database
 *       stalled or restarting), the engine is stopped at once as in a crash (feed first: no bar, no order, no
 *       fill after that), the lock's connection is abandoned, and the role becomes {@code RECOVERING}.</li>
 *   <li>{@code RECOVERING}: every {@code recovery-retry} it asks for the lock again. Another instance holds
 *       it: {@code STANDBY}. Acquired: it compares the ledger with what this instance had committed itself
 *       (more rows: another instance traded meanwhile; fewer: the ledger lost rows this instance wrote, and it
 *       refuses to trade, lock released, stays {@code RECOVERING} and says so in the log), then rebuilds the
 *       engine from the ledger, as a restart does, and leads again.</li>
 *   <li>{@code STANDBY}: every {@code standby-retry} it asks for the lock; acquired, it starts the engine from
 *       the ledger.</li>
 * </ul>
 * A failed engine start releases the lock and is retried (backing off to 30 s). Every transition runs under
 * the host's monitor, so it never interleaves with the host's own start, stop or halt.
 */
final class LeadershipSupervisor {

    private static final Logger log = LoggerFactory.getLogger(LeadershipSupervisor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the supervisor drives: the engine of its host. Called under the host's monitor. */
    interface Engine {
        /** Rebuilds the engine from the ledger and runs it; throws when it cannot (then {@link #stop} cleans up). */
        void start();

        /** Stops the engine; {@code crash}: at once, whatever the ledger writer had not committed is lost. */
        void stop(boolean crash);

        /** The ledger's rows at the engine's start plus those its writer committed since. */
        JooqLedger.Watermark written();
    }

    private final LeaderLock lock;
    private final JooqLedger ledger;
    private final Engine engine;
    private final Object monitor;
    private final long lockKey;
    private final Duration standbyRetry;
    private final LeadershipProperties settings;

    private volatile EngineHost.Role role = EngineHost.Role.STOPPED;
    private volatile boolean closed = true;
    private ScheduledExecutorService loop;
    /** What this instance had committed when it lost the lock; null unless RECOVERING after leading. */
    private JooqLedger.Watermark lostAt;
    private int failedStarts;

    /**
     * @param monitor the host's monitor, held for every transition
     */
    LeadershipSupervisor(LeaderLock lock, JooqLedger ledger, Engine engine, Object monitor, long lockKey,
                         Duration standbyRetry, LeadershipProperties settings) {
        this.lock = lock;
        this.ledger = ledger;
        this.engine = engine;
        this.monitor = monitor;
        this.lockKey = lockKey;
        this.standbyRetry = standbyRetry;
        this.settings = settings;
    }

    EngineHost.Role role() {
        return role;
    }

    /**
     * The first attempt, on the caller's thread (which holds the host's monitor), then the loop. A failure to
     * start the engine on this first attempt is thrown (a configuration the host cannot honour), lock released.
     */
    void start() {
        closed = false;
        lostAt = null;
        failedStarts = 0;
        LeaderLock.Attempt attempt = lock.tryAcquire();
        if (attempt == LeaderLock.Attempt.ACQUIRED) {
            try {
                engine.start();
                role = EngineHost.Role.LEADER;
            } catch (RuntimeException e) {
                engine.stop(true);
                lock.close();
                closed = true;
                role = EngineHost.Role.STOPPED;
                throw e;
            }
        } else if (attempt == LeaderLock.Attempt.HELD_ELSEWHERE) {
            role = EngineHost.Role.STANDBY;
            log.info("Another instance holds the engine leader lock {}: this one serves the UI only and retries every {}",
                    lockKey, standbyRetry);
        } else {
            role = EngineHost.Role.RECOVERING;
            log.warn("Could not reach the database for the engine leader lock {}: no engine yet, retrying every {}",
                    lockKey, settings.recoveryRetry());
        }
        loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("trading-leadership").daemon().factory());
        schedule();
    }

    /**
     * Stops the loop without waiting for it (a step in progress holds the host's monitor, which the caller
     * holds too; the step then finds the supervisor closed). The caller stops the engine and releases the lock.
     */
    void close() {
        closed = true;
        if (loop != null) loop.shutdownNow();
        loop = null;
        role = EngineHost.Role.STOPPED;
    }

    private void schedule() {
        ScheduledExecutorService l = loop;
        if (closed || l == null) return;
        Duration delay = switch (role) {
            case LEADER -> settings.checkEvery();
            case STANDBY -> standbyRetry;
            default -> failedStarts == 0 ? settings.recoveryRetry()
                    : min(settings.recoveryRetry().multipliedBy(1L << Math.min(failedStarts, 5)), MAX_BACKOFF);
        };
        try {
            l.schedule(this::step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private void step() {
        try {
            synchronized (monitor) {
                if (closed) return;
                switch (role) {
                    case LEADER -> confirm();
                    case STANDBY, RECOVERING -> tryToLead();
                    default -> { }
                }
            }
        } catch (RuntimeException e) {
            log.error("The leadership check failed", e);
        } finally {
            schedule();
        }
    }

    /**
     * LEADER: stops the engine cleanly and starts it again (e.g. on another venue). A start that fails is handled as
     * after taking the lock: the lock is released and this instance retries as RECOVERING. Otherwise nothing.
     */
    void restartEngine() {
        synchronized (monitor) {
            if (closed || role != EngineHost.Role.LEADER) return;
            engine.stop(false);
            try {
                engine.start();
            } catch (RuntimeException e) {
                failedStarts++;
                log.error("Could not restart the engine under the leader lock {}; releasing it and retrying", lockKey, e);
                engine.stop(true);
                lock.close();
                role = EngineHost.Role.RECOVERING;
            }
        }
    }

    /** LEADER: the lock's connection must answer in time; otherwise fail closed and start recovering. */
    private void confirm() {
        if (lock.stillHeld(settings.checkTimeout())) return;
        role = EngineHost.Role.RECOVERING;
        log.error("The connection holding the engine leader lock {} did not answer within {}: stopping the engine at once "
                + "(no bar, order or fill until this instance holds the lock again); retrying every {}",
                lockKey, settings.checkTimeout(), settings.recoveryRetry());
        engine.stop(true);
        lostAt = engine.written();
        lock.abandon();
    }

    /** STANDBY or RECOVERING: take the lock, check the ledger, start the engine from it. */
    private void tryToLead() {
        LeaderLock.Attempt attempt = lock.tryAcquire();
        if (attempt == LeaderLock.Attempt.HELD_ELSEWHERE && role == EngineHost.Role.RECOVERING) {
            log.info("Another instance holds the engine leader lock {} now: this one is a standby", lockKey);
            role = EngineHost.Role.STANDBY;
            lostAt = null;
            failedStarts = 0;
        }
        if (attempt != LeaderLock.Attempt.ACQUIRED) return;
        try {
            JooqLedger.Watermark ledgerNow = ledger.watermark();
            if (lostAt != null && !lostAt.notBeyond(ledgerNow)) {
                log.error("The ledger holds less than this instance committed before it lost the leader lock {} (ledger {}, "
                        + "committed {}): refusing to trade on it; the lock is released", lockKey, ledgerNow, lostAt);
                lock.close();
                return;
            }
            if (lostAt != null && !ledgerNow.notBeyond(lostAt)) {
                log.warn("The ledger holds more than this instance committed before it lost the leader lock {} (ledger {}, "
                        + "committed {}): another instance traded meanwhile (or the last batch committed as the connection "
                        + "dropped); the engine is rebuilt from the ledger", lockKey, ledgerNow, lostAt);
            }
            engine.start();
            EngineHost.Role before = role;
            role = EngineHost.Role.LEADER;
            lostAt = null;
            failedStarts = 0;
            log.info("{} the engine leader lock {}: this instance runs the engine again, rebuilt from the ledger ({})",
                    before == EngineHost.Role.STANDBY ? "Took over" : "Took back", lockKey, ledgerNow);
        } catch (RuntimeException e) {
            failedStarts++;
            log.error("Could not start the engine after taking the leader lock {}; releasing it and retrying", lockKey, e);
            engine.stop(true);
            lock.close();
            role = EngineHost.Role.RECOVERING;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
