package io.tradepilot.infrastructure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points the application at its PostgreSQL and Redis before any connection is made.
 *
 * <p>{@code TRADEPILOT_DB_URL} (with {@code TRADEPILOT_DB_USER}/{@code TRADEPILOT_DB_PASSWORD}) and
 * {@code TRADEPILOT_REDIS_URL} select real servers. Whichever is unset is started embedded, with its
 * data under {@code TRADEPILOT_DATA_DIR} (default {@code ./data}) on
 * {@code TRADEPILOT_EMBEDDED_PG_PORT} (54329) / {@code TRADEPILOT_EMBEDDED_REDIS_PORT} (63799);
 * a port of {@code 0} picks a free one. The embedded servers ask for passwords generated at their
 * first start and kept in {@code postgres.password} / {@code redis.password} in the data directory
 * (owner-only); the application connects with them. The values may come from the environment, system
 * properties, command-line arguments or configuration files.
 */
public class InfrastructureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "tradepilotInfrastructure";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Path dataDir = Path.of(value(env, "TRADEPILOT_DATA_DIR", "./data")).toAbsolutePath().normalize();

        String dbUrl = value(env, "TRADEPILOT_DB_URL", "");
        if (StringUtils.hasText(dbUrl)) {
            properties.put("spring.datasource.url", dbUrl);
            properties.put("spring.datasource.username", value(env, "TRADEPILOT_DB_USER", ""));
            properties.put("spring.datasource.password", value(env, "TRADEPILOT_DB_PASSWORD", ""));
            EmbeddedServers.useExternalPostgres(dbUrl);
        } else {
            int port = Integer.parseInt(value(env, "TRADEPILOT_EMBEDDED_PG_PORT", "54329"));
            EmbeddedPostgresServer postgres = EmbeddedServers.postgres(dataDir.resolve("postgres"), port);
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
        }

        String redisUrl = value(env, "TRADEPILOT_REDIS_URL", "");
        if (StringUtils.hasText(redisUrl)) {
            properties.put("spring.data.redis.url", redisUrl);
            EmbeddedServers.useExternalRedis(redisUrl);
        } else {
            int port = Integer.parseInt(value(env, "TRADEPILOT_EMBEDDED_REDIS_PORT", "63799"));
            EmbeddedRedisServer redis = EmbeddedServers.redis(dataDir.resolve("redis"), port);
            properties.put("spring.data.redis.url", redis.url());
        }
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    private static String value(ConfigurableEnvironment env, String name, String fallback) {
        String value = env.getProperty(name);
        return value == null ? fallback : value.trim();
    }
}
