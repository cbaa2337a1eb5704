package io.tradepilot.trading.internal;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RateLimiter} in Redis: one sorted set per key holding the times (application clock, epoch
 * milliseconds) of the counted attempts; a Lua script trims, counts and adds atomically, so concurrent
 * attempts on several instances never exceed the limit. The key expires one window after its last attempt.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final RedisScript<Long> SCRIPT = new DefaultRedisScript<>("""
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) >= limit then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return math.max(1, tonumber(oldest[2]) + window - now)
            end
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[1], window)
            return -1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final String prefix;

    /** @param prefix prefix of every key (the deployment's Redis key prefix) */
    RedisRateLimiter(StringRedisTemplate redis, Clock clock, String prefix) {
        this.redis = redis;
        this.clock = clock;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public Optional<Duration> acquire(String key, int limit, Duration window) {
        long now = clock.millis();
        Long wait;
        try {
            wait = redis.execute(SCRIPT, List.of(prefix + "rate-limit:" + key), Long.toString(now), Long.toString(window.toMillis()),
                    Integer.toString(limit), now + ":" + UUID.randomUUID());
        } catch (RuntimeException e) {
            throw new Unavailable("rate limit state unreadable: " + e.getMessage(), e);
        }
        if (wait == null) throw new Unavailable("rate limit state unreadable: no answer", null);
        return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }
}
