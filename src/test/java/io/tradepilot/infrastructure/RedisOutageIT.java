package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.testing.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The outage helper other tests use for fail-closed behaviour, and how the Redis client behaves in it. */
class RedisOutageIT extends IntegrationTestSupport {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void during_an_outage_redis_calls_fail_within_the_command_timeout_and_work_again_after_it() {
        redis.opsForValue().set("it:outage", "before");

        try (var outage = redisOutage()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> redis.opsForValue().get("it:outage")).isInstanceOf(DataAccessException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }

        assertThat(redis.opsForValue().get("it:outage")).isEqualTo("before");
    }

    @Test
    void a_second_outage_in_the_same_context_behaves_the_same() {
        try (var outage = redisOutage()) {
            assertThatThrownBy(() -> redis.opsForValue().set("it:outage-2", "x")).isInstanceOf(DataAccessException.class);
        }
        redis.opsForValue().set("it:outage-2", "after");
        assertThat(redis.opsForValue().get("it:outage-2")).isEqualTo("after");
    }
}
