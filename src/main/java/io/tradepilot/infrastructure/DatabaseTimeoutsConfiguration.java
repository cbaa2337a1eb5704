package io.tradepilot.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes a PostgreSQL that stalls or restarts fail fast instead of hanging callers. The pool's own limits are in
 * {@code application.yaml} ({@code spring.datasource.hikari.*}): a connection is waited for at most
 * {@code connection-timeout} (3 s), checked within {@code validation-timeout} (2 s), and a socket read gives
 * up after {@code socketTimeout} (10 s) without data. Two places must not inherit these:
 * <ul>
 *   <li>the migrations run on a connection of their own with no socket timeout, so that a long migration
 *       step is never cut off;</li>
 *   <li>the {@code db} health component answers within its own limit (the pool's wait plus a 2-second
 *       validation) instead of Spring Boot's check, which validates without a time limit.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeoutsConfiguration {

    private static final Duration HEALTH_VALIDATION = Duration.ofSeconds(2);

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutSocketTimeout(DataSourceProperties dataSource) {
        return flyway -> flyway.dataSource(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }

    /** Replaces Spring Boot's {@code db} component (same name). */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid((int) HEALTH_VALIDATION.toSeconds())
                        ? Health.up().build()
                        : Health.down().withDetail("error", "no answer within " + HEALTH_VALIDATION.toSeconds() + " s").build();
            } catch (SQLException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
