package io.tradepilot.base.web;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a store that did not answer (down, stalled, restarting, out of connections) from any other failure,
 * by an exception's cause chain: the REST API then answers 503 with a stable code instead of 500, and the web
 * console shows a notice instead of an error ({@code base.StoreUnavailableView}, {@code base.StoreUnavailableErrors}).
 */
public enum StoreUnavailable {

    /** PostgreSQL: no connection in time, connection lost, query or socket timed out, server shutting down. */
    DATABASE("DATABASE_UNAVAILABLE", "Database unavailable", "The database is not reachable right now."),
    /** Redis: connection refused or lost, command timed out. */
    REDIS("REDIS_UNAVAILABLE", "Redis unavailable", "The state store (Redis) is not reachable right now.");

    private final String code;
    private final String title;
    private final String detail;

    StoreUnavailable(String code, String title, String detail) {
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The problem detail's text: what is unreachable and what to do. */
    public String detail() {
        return detail + " Try again in a few seconds.";
    }

    /** {@code https://tradepilot.io/problems/database-unavailable} or {@code .../redis-unavailable}. */
    String type() {
        return "https://tradepilot.io/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Seconds a client should wait before trying again ({@code Retry-After}). */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Which store {@code failure} says did not answer; empty when it is some other failure. */
    public static Optional<StoreUnavailable> of(Throwable failure) {
        boolean database = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String type = t.getClass().getName();
            if (type.startsWith("io.lettuce.") || type.startsWith("org.springframework.data.redis.")) return Optional.of(REDIS);
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SocketTimeoutException || t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                database = true;
            }
        }
        return database ? Optional.of(DATABASE) : Optional.empty();
    }

    /** Connection exceptions (08), query cancelled by timeout (57014), server shutting down or starting (57P01-57P03). */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57014") || sqlState.startsWith("57P0"));
    }
}
