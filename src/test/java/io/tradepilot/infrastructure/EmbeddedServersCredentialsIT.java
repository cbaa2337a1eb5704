package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded servers answer only with their generated passwords (kept owner-only beside their data),
 * a cluster made by an older version without a password is secured at its next start, and a start that
 * fails says why in PostgreSQL's own words.
 */
class EmbeddedServersCredentialsIT {

    @TempDir
    Path root;

    @Test
    void a_new_postgres_refuses_every_connection_without_its_password() throws Exception {
        Path dir = root.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, true)) {
            assertThat(server.secured()).as("a new cluster has its password from initdb on").isEmpty();
            assertOwnerOnlyPassword(root.resolve("postgres.password"), server.password());
            assertRefused(server.jdbcUrl(), "");
            assertRefused(server.jdbcUrl(), "not-the-password");
            assertThat(query(server.jdbcUrl(), server.password(), "SHOW password_encryption")).isEqualTo("scram-sha-256");
            assertThat(query(server.jdbcUrl(), server.password(),
                    "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method NOT IN ('scram-sha-256', 'reject')")).isEqualTo("0");
            assertThat(EmbeddedPostgresServer.passwordOnly(dir.resolve("pg_hba.conf"))).isTrue();
            assertThat(root.resolve("postgres.log")).content().contains("database system is ready to accept connections")
                    .doesNotContain(server.password());
        }
    }

    @Test
    void a_cluster_an_older_version_left_without_a_password_is_secured_at_its_next_start_and_keeps_its_data() throws Exception {
        Path dir = root.resolve("postgres");
        // what Tradepilot did before: zonky's initdb -A trust, no password anywhere
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + old.getPort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (note VARCHAR(40))");
            s.execute("INSERT INTO survivor VALUES ('from the old version')");
        }
        assertThat(root.resolve("postgres.password")).doesNotExist();
        assertThat(EmbeddedPostgresServer.passwordOnly(dir.resolve("pg_hba.conf"))).isFalse();

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dir, 0, true)) {
            assertThat(upgraded.secured()).hasValueSatisfying(what -> assertThat(what).contains("Secured the embedded PostgreSQL")
                    .doesNotContain(upgraded.password()));
            assertOwnerOnlyPassword(root.resolve("postgres.password"), upgraded.password());
            assertRefused(upgraded.jdbcUrl(), "");
            assertThat(query(upgraded.jdbcUrl(), upgraded.password(), "SELECT note FROM survivor")).isEqualTo("from the old version");
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).isEqualTo(EmbeddedPostgresServer.PG_HBA);
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0, true)) {
            assertThat(again.secured()).as("secured once").isEmpty();
            assertRefused(again.jdbcUrl(), "");
            assertThat(query(again.jdbcUrl(), again.password(), "SELECT note FROM survivor")).isEqualTo("from the old version");
        }
    }

    @Test
    void a_secured_cluster_whose_password_file_is_lost_is_refused_before_anything_starts() {
        Path dir = root.resolve("postgres");
        EmbeddedPostgresServer.start(dir, 0, true).close();
        root.resolve("postgres.password").toFile().delete();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0, true))
                .hasMessageContaining("needs its password, but " + root.resolve("postgres.password").toAbsolutePath() + " is missing");
        assertThat(root.resolve("postgres.password")).as("no new password invented").doesNotExist();
    }

    @Test
    void a_taken_port_is_named_at_once() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(root.resolve("postgres"), taken.getLocalPort(), true))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .hasMessageContaining("TRADEPILOT_EMBEDDED_PG_PORT");
            assertThatThrownBy(() -> EmbeddedRedisServer.start(root.resolve("redis"), taken.getLocalPort(), true))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .hasMessageContaining("TRADEPILOT_EMBEDDED_REDIS_PORT");
        }
    }

    @Test
    void a_postgres_that_exits_while_starting_is_reported_at_once_with_its_own_log_lines_and_the_likely_cause() throws Exception {
        Path dir = root.resolve("postgres");
        EmbeddedPostgresServer.start(dir, 0, true).close();
        Files.writeString(dir.resolve("postgresql.conf"), "\nshared_buffers = 'plenty'\n", StandardOpenOption.APPEND);
        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0, true))
                .hasMessageContaining("The embedded PostgreSQL in " + dir.toAbsolutePath() + " did not start on 127.0.0.1:")
                .hasMessageContaining("PostgreSQL exited while starting. Likely cause: a setting in the data directory's postgresql.conf is invalid")
                .hasMessageContaining("Last lines of PostgreSQL's log " + root.resolve("postgres.log").toAbsolutePath())
                .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"plenty\"")
                .hasMessageContaining("pg_ctl: could not start server")
                .message().as("read before zonky's stop complains into the same log").doesNotContain("Is server running?");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("postgres.log")))).isEqualTo("rw-------");
        assertThat(System.nanoTime() - started).as("no wait for the full start-up limit")
                .isLessThan(EmbeddedPostgresServer.STARTUP_WAIT.toNanos() / 2);
    }

    @Test
    void redis_answers_only_with_its_password_and_listens_on_loopback_only() throws Exception {
        Path dir = root.resolve("redis");
        EmbeddedRedisServer server = EmbeddedRedisServer.start(dir, 0, true);
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port() + "/0");
        RedisClient authenticated = RedisClient.create(server.url());
        try {
            assertOwnerOnlyPassword(root.resolve("redis.password"), server.password());
            assertThatThrownBy(client::connect).isInstanceOf(RedisConnectionException.class)
                    .cause().isInstanceOf(RedisCommandExecutionException.class).hasMessageContaining("NOAUTH");
            try (StatefulRedisConnection<String, String> c = authenticated.connect()) {
                assertThat(c.sync().set("k", "v")).isEqualTo("OK");
                assertThat(c.sync().configGet("bind").get("bind")).isEqualTo("127.0.0.1");
                assertThat(c.sync().configGet("protected-mode").get("protected-mode")).isEqualTo("yes");
            }
        } finally {
            client.shutdown();
            authenticated.shutdown();
            server.close();
        }
    }

    private static void assertOwnerOnlyPassword(Path file, String password) throws Exception {
        assertThat(file).content().isEqualToIgnoringNewLines(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close()).isInstanceOf(SQLException.class);
    }

    private static String query(String url, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
