package io.tradepilot.trading.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Elects the one instance that runs the engine: a PostgreSQL session advisory lock
 * ({@code pg_try_advisory_lock}) taken on a connection of its own and held for the engine's lifetime.
 * The database releases it when that connection ends, also when the process dies ({@code kill -9}),
 * so a standby can take over. Not thread-safe: the host's lifecycle calls it.
 */
final class LeaderLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

    private final DataSource dataSource;
    private final long key;
    private Connection connection;

    LeaderLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** Tries once; true when this instance now holds the lock (or already held it). Never waits for another holder. */
    boolean tryAcquire() {
        if (connection != null) return true;
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        connection = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            log.warn("Could not ask for the engine leader lock {}: {}", key, e.toString());
            closeQuietly(c);
            return false;
        }
    }

    boolean held() {
        return connection != null;
    }

    /**
     * True while the lock's connection is alive (a session lock lives as long as its session): false
     * when the connection to the database was lost, and with it, possibly, the lock.
     */
    boolean stillHeld() {
        Connection c = connection;
        if (c == null) return false;
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Releases the lock and its connection; nothing when not held. */
    @Override
    public void close() {
        if (connection == null) return;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            log.warn("Could not release the engine leader lock {}; aborting its connection, which releases it: {}", key, e.toString());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // closing below is all that is left
            }
        } finally {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }
}
