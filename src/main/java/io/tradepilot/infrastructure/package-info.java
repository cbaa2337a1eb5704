/**
 * Infrastructure the process runs on: PostgreSQL and Redis (embedded and zero-setup unless
 * {@code TRADEPILOT_DB_URL}/{@code TRADEPILOT_REDIS_URL} point at real servers), the Redis client's
 * fail-fast options, and the {@link java.time.Clock} every time rule reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Infrastructure")
package io.tradepilot.infrastructure;
