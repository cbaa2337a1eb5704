package io.tradepilot.alerts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Telegram {@code /kill} requests waiting for their {@code /confirm}, kept in Redis (not in one instance's memory),
 * so that a confirmation handled by another instance — the bot's poller moved after a restart or a lost lease — finds
 * the request. One request per Telegram user (a new {@code /kill} replaces the waiting one), under
 * {@code tradepilot:telegram:pending-kill:<telegram user id>} with a time to live of the confirmation window.
 *
 * <p>{@link #take} reads and deletes in one Redis command ({@code GETDEL}): of two confirmations, on one instance or two,
 * exactly one gets the request, so a kill is engaged at most once per {@code /kill} and a confirmation cannot be
 * replayed. Redis errors are thrown to the caller (a {@code /kill} that cannot be held is refused, not kept locally).
 */
final class PendingKills {

    static final String PREFIX = "tradepilot:telegram:pending-kill:";

    /**
     * A {@code /kill} waiting for {@code /confirm}.
     *
     * @param username the Tradepilot user the Telegram user was linked to when asking; a confirmation after the link
     *                 changed is refused
     * @param until    the confirmation must come before this instant (the app's clock; Redis also drops the key then)
     */
    record PendingKill(String username, String reason, Instant until) {
    }

    private final StringRedisTemplate redis;

    PendingKills(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Holds {@code kill} for {@code telegramUser}, replacing any request waiting; Redis keeps it for {@code ttl}. */
    void hold(long telegramUser, PendingKill kill, Duration ttl) {
        String value = kill.until().toEpochMilli() + "\n" + kill.username() + "\n" + kill.reason();
        redis.opsForValue().set(key(telegramUser), value, ttl.isPositive() ? ttl : Duration.ofMillis(1));
    }

    /** The request waiting for {@code telegramUser}, removed atomically (empty when none, expired or already taken). */
    Optional<PendingKill> take(long telegramUser) {
        String value = redis.opsForValue().getAndDelete(key(telegramUser));
        if (value == null) return Optional.empty();
        String[] parts = value.split("\n", 3);
        if (parts.length < 3) return Optional.empty();
        try {
            return Optional.of(new PendingKill(parts[1], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[0]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Drops the request waiting for {@code telegramUser}; whether there was one. */
    boolean cancel(long telegramUser) {
        return Boolean.TRUE.equals(redis.delete(key(telegramUser)));
    }

    static String key(long telegramUser) {
        return PREFIX + telegramUser;
    }
}
