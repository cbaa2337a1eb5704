package io.tradepilot.trading.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Elects the one instance that runs the engine: a PostgreSQL session advisory lock
 * ({@code pg_try_advisory_lock}) taken on a connection of its own and held for the engine's lifetime.
 * The database releases it when that connection ends, also when the process dies ({@code kill -9}),
 * so a standby can take over.
 *
 * <p>Fencing: the ledger writer's transactions run {@link #fence()}'s statement first, which takes a shared
 * transaction lock on a second advisory key and fails unless the session of this lock still holds the
 * leader lock. A new holder, right after acquiring, waits for that second key exclusively
 * ({@link #tryAcquire}), i.e. for every write of the previous holder that passed the check to commit
 * or roll back. So the ledger never receives a write from an instance that no longer leads, and a new
 * leader reads a ledger no old leader can still add to. Thread-safe.
 */
final class LeaderLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

    /** How long a new holder waits for the previous holder's fenced writes before ending their sessions. */
    private static final Duration FENCE_WAIT = Duration.ofSeconds(3);

    /** The outcome of one {@link #tryAcquire} attempt. */
    enum Attempt {
        /** This instance holds the lock (now or already). */
        ACQUIRED,
        /** The database answered: another session holds the lock. */
        HELD_ELSEWHERE,
        /** The database could not be asked (down, stalled, unreachable). */
        UNREACHABLE
    }

    /** Thrown inside a ledger transaction by {@link #fence()} when this instance does not hold the lock. */
    static final class LeadershipLostException extends IllegalStateException {
        LeadershipLostException(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final long key;
    private Connection connection;
    private long backendPid;

    LeaderLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /**
     * Tries once, never waiting for another holder. On success it also waits (at most 3 s, then it ends
     * their sessions) until no write fenced by a previous holder is still in flight.
     */
    synchronized Attempt tryAcquire() {
        if (connection != null) return Attempt.ACQUIRED;
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        long pid = r.getLong(2);
                        awaitFencedWrites(c);
                        connection = c;
                        backendPid = pid;
                        return Attempt.ACQUIRED;
                    }
                }
            }
            c.close();
            return Attempt.HELD_ELSEWHERE;
        } catch (SQLException e) {
            log.warn("Could not ask for the engine leader lock {}: {}", key, e.toString());
            discard(c);
            return Attempt.UNREACHABLE;
        }
    }

    /** Waits until no previous holder's fenced write is in flight: takes and releases the fence key exclusively. */
    private void awaitFencedWrites(Connection c) throws SQLException {
        long deadline = System.nanoTime() + FENCE_WAIT.toNanos();
        while (true) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, fenceHigh());
                s.setInt(2, fenceLow());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) break;
                }
            }
            if (System.nanoTime() > deadline) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND objsubid = 2 AND classid::bigint = ? AND objid::bigint = ? AND granted AND pid <> pg_backend_pid()")) {
                    s.setLong(1, Integer.toUnsignedLong(fenceHigh()));
                    s.setLong(2, Integer.toUnsignedLong(fenceLow()));
                    s.execute();
                }
                log.warn("Ended the sessions of a previous leader's unfinished ledger writes (lock {}), which roll back", key);
                deadline = Long.MAX_VALUE;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, fenceHigh());
            s.setInt(2, fenceLow());
            s.execute();
        }
    }

    synchronized boolean held() {
        return connection != null;
    }

    /**
     * True while the lock's connection answers within {@code timeout} (a session lock lives as long as its
     * session): false when the connection was lost or the database did not answer in time, so that the
     * lock may be gone or about to go.
     */
    synchronized boolean stillHeld(Duration timeout) {
        Connection c = connection;
        if (c == null) return false;
        try {
            return c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The check, inside the caller's transaction, that this instance holds the lock (see the class comment): one
     * statement that takes the shared fence lock and then fails with SQLSTATE {@value #LEADERSHIP_LOST} unless the
     * session of this lock still holds the leader lock, which rolls the transaction back. The writer sends it first,
     * in the same JDBC batch as its rows, so the check costs no round trip of its own; {@link LedgerFence#lost}
     * recognises its failure.
     */
    LedgerFence fence() {
        long pid;
        synchronized (this) {
            pid = backendPid;
        }
        // The procedure (migration V192) runs its two steps in order (a single SELECT would not promise that the lock is
        // taken before pg_locks is read); every value is a number, inlined; CALL returns no rows, so it fits a JDBC batch.
        String check = "CALL ledger_fence(" + fenceHigh() + ", " + fenceLow() + ", " + (key >>> 32) + ", " + (key & 0xFFFF_FFFFL)
                + ", " + pid + ", " + key + ")";
        return db -> db.query(check);
    }

    /** The SQLSTATE with which the {@link #fence()} statement refuses a write. */
    static final String LEADERSHIP_LOST = "TPL01";

    /** The ledger writer's check that its transaction may write (see {@link LeaderLock#fence()}). */
    @FunctionalInterface
    interface LedgerFence {
        /**
         * The statement the writer runs first inside its transaction, before any row (it may share their JDBC
         * batch); it fails to roll the transaction back. {@code null}: no check.
         */
        Query statement(DSLContext db);

        /** No check (hosts without leader election, tests). */
        LedgerFence NONE = db -> null;

        /**
         * The {@link LeadershipLostException} to throw when {@code failure} (from the transaction that ran the
         * fence's statement) is the fence's refusal; empty otherwise.
         */
        static Optional<LeadershipLostException> lost(Throwable failure) {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Throwable> open = new ArrayDeque<>(List.of(failure));
            while (!open.isEmpty()) {
                Throwable t = open.pop();
                if (!seen.add(t)) continue;
                if (t instanceof SQLException sql) {
                    if (LEADERSHIP_LOST.equals(sql.getSQLState())) {
                        var lost = new LeadershipLostException(sql.getMessage());
                        lost.initCause(failure);
                        return Optional.of(lost);
                    }
                    if (sql.getNextException() != null) open.push(sql.getNextException());
                }
                if (t.getCause() != null) open.push(t.getCause());
            }
            return Optional.empty();
        }
    }

    /**
     * Gives the lock up without asking the database: the connection is aborted (its socket closed), and the
     * server ends the session, and with it the lock, as soon as it notices. For a connection whose state is
     * unknown (it did not answer), where an unlock could hang.
     */
    synchronized void abandon() {
        if (connection == null) return;
        discard(connection);
        connection = null;
    }

    /** Releases the lock and its connection; nothing when not held. */
    @Override
    public synchronized void close() {
        if (connection == null) return;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not release the engine leader lock {}; aborting its connection, which releases it: {}", key, e.toString());
            discard(connection);
        } finally {
            connection = null;
        }
    }

    private int fenceHigh() {
        return (int) (key >>> 32);
    }

    private int fenceLow() {
        return (int) key;
    }

    /**
     * Closes {@code c}'s socket at once (no round trip that could hang) and keeps a pool from handing the dead
     * connection out again.
     */
    private void discard(Connection c) {
        if (c == null) return;
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // closing below is all that is left
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) dataSource.unwrap(HikariDataSource.class).evictConnection(c);
        } catch (SQLException | RuntimeException ignored) {
            // not a pool of ours: closing is enough
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }
}
