package io.tradepilot.trading.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-key sliding-window rate limit shared by every instance: at most {@code limit} acquisitions of one
 * key within any {@code window}. A refused attempt does not count.
 */
interface RateLimiter {

    /**
     * Counts one attempt for {@code key} when fewer than {@code limit} were counted within the last
     * {@code window}; returns empty then. Otherwise counts nothing and returns how long until the oldest
     * counted attempt leaves the window (at least 1 ms).
     *
     * @throws Unavailable when the shared state cannot be read or written (callers refuse: fail closed)
     */
    Optional<Duration> acquire(String key, int limit, Duration window);

    /** The rate-limit state cannot be reached. */
    final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
