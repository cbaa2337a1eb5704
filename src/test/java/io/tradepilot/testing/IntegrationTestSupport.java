package io.tradepilot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.infrastructure.EmbeddedServers;
import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base class of integration tests ({@code *IT}): the application runs on a random port against
 * real PostgreSQL and Redis (see {@link TestInfrastructure}); the helpers below cover what most
 * tests need. Before the first test of each class it checks that the application really uses the
 * servers it was given, so an external run can never pass on a silent fallback to embedded ones.
 */
@TradepilotIntegrationTest
public abstract class IntegrationTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestUsers users;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private RedisConnectionFactory redis;

    private static Class<?> verifiedFor;

    @BeforeEach
    void verifyInfrastructure() throws Exception {
        users.useThisContextsSecurityStrategy();
        if (verifiedFor == getClass()) {
            return;
        }
        TestInfrastructure infrastructure = infrastructure();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .as("the application's database").isEqualTo(infrastructure.jdbcUrl());
        }
        if (!infrastructure.redisCut()) {
            try (RedisConnection connection = redis.getConnection()) {
                Properties info = connection.serverCommands().info("server");
                assertThat(info.getProperty("tcp_port"))
                        .as("the port of the application's Redis server")
                        .isEqualTo(String.valueOf(infrastructure.redisServerPort()));
            }
        }
        assertThat(EmbeddedServers.anyRunning())
                .as("the application started embedded servers of its own").isFalse();
        verifiedFor = getClass();
    }

    @AfterEach
    void restoreRedisAndSecurityContext() {
        infrastructure().endFaults();
        if (infrastructure().redisCut()) {
            endRedisOutage();
        }
        SecurityContextHolder.clearContext();
    }

    /** The servers this test runs on. */
    protected TestInfrastructure infrastructure() {
        return TestInfrastructure.get();
    }

    /** HTTP calls to the running application, without a token. */
    protected ApiClient api() {
        return new ApiClient("http://localhost:" + port, null);
    }

    /** HTTP calls to the running application with {@code Authorization: Bearer <token>}. */
    protected ApiClient api(String token) {
        return api().withToken(token);
    }

    /**
     * Makes Redis unreachable for the application until the returned handle is closed (or the
     * test ends): connections drop, reconnects are refused, commands fail at once.
     * Use: {@code try (var outage = redisOutage()) { ... }}.
     */
    protected RedisOutage redisOutage() {
        infrastructure().cutRedis();
        return this::endRedisOutage;
    }

    /** Ends a Redis outage and waits (up to 15 s) until the application's Redis answers again. */
    protected void endRedisOutage() {
        infrastructure().restoreRedis();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (RedisConnection connection = redis.getConnection()) {
                if ("PONG".equals(connection.ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException("Redis did not come back within 15 s after the outage", last);
    }

    /** An ongoing Redis outage; closing it ends the outage. */
    @FunctionalInterface
    public interface RedisOutage extends AutoCloseable {
        @Override
        void close();
    }
}
