package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tradepilot.Application;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The zero-setup path: without TRADEPILOT_DB_URL/TRADEPILOT_REDIS_URL the application starts its own
 * PostgreSQL and Redis with data in the data directory, stops them with the context, and finds its
 * data again after a restart.
 */
class EmbeddedInfrastructureIT {

    @TempDir
    Path dataDir;

    @Test
    void without_configured_servers_the_app_runs_on_embedded_ones_and_keeps_its_data_across_a_restart() {
        assumeFalse(Boolean.getBoolean("it.external"), "the embedded path needs no second run on external servers");

        try (ConfigurableApplicationContext first = start()) {
            assertThat(EmbeddedServers.anyRunning()).isTrue();
            assertThat(jdbcUrl(first)).startsWith("jdbc:postgresql://127.0.0.1:");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'admin'", Long.class))
                    .as("flyway migrated and the first admin exists").isEqualTo(1L);
            jdbc.update("insert into audit_event (occurred_at, username, action, target, outcome) "
                    + "values (now(), 'it', 'EMBEDDED_CHECK', 'restart', 'SUCCESS')");
            first.getBean(StringRedisTemplate.class).opsForValue().set("it:embedded-check", "kept");
        }
        assertThat(EmbeddedServers.anyRunning()).as("stopped with the context").isFalse();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'EMBEDDED_CHECK'",
                    Long.class)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class))
                    .as("no second first admin").isEqualTo(1L);
            assertThat(second.getBean(StringRedisTemplate.class).opsForValue().get("it:embedded-check"))
                    .isEqualTo("kept");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--TRADEPILOT_DB_URL=",
                "--TRADEPILOT_REDIS_URL=",
                "--TRADEPILOT_DATA_DIR=" + dataDir,
                "--TRADEPILOT_EMBEDDED_PG_PORT=0",
                "--TRADEPILOT_EMBEDDED_REDIS_PORT=0",
                "--tradepilot.security.initial-admin-password=embedded-check-Pw-77");
    }

    private static String jdbcUrl(ConfigurableApplicationContext context) {
        try (var connection = context.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
