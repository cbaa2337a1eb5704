package io.tradepilot.infrastructure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What happens to the zero-setup servers when Tradepilot dies without stopping them (kill -9): the
 * next start finds them orphaned on its data directory, stops them cleanly and starts afresh on the
 * same data, losing nothing that was committed.
 */
class EmbeddedServersRecoveryIT {

    @TempDir
    Path root;

    @Test
    void after_kill_9_the_orphaned_postgres_is_stopped_and_a_new_one_starts_on_the_same_durable_data() throws Exception {
        Path dir = root.resolve("postgres");
        int port = freePort();
        crash("postgres", dir, port);

        assertThat(DataDirectoryLock.acquire(root).stopOrphan("PostgreSQL", dir.resolve("postmaster.pid"), dir.toAbsolutePath().toString()))
                .hasValueSatisfying(what -> assertThat(what).contains("Stopped an orphaned embedded PostgreSQL"));
        EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dir, port, true);
        try (Connection c = DriverManager.getConnection(restarted.jdbcUrl(), restarted.username(), restarted.password());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT note FROM survivor")).isEqualTo("committed before the crash");
            assertThat(single(s, "SHOW fsync")).isEqualTo("on");
            assertThat(single(s, "SHOW synchronous_commit")).isEqualTo("on");
        } finally {
            restarted.close();
        }
    }

    @Test
    void after_kill_9_the_orphaned_redis_is_stopped_and_a_new_one_starts_with_the_same_data() throws Exception {
        Path dir = root.resolve("redis");
        int port = freePort();
        crash("redis", dir, port);
        assertThat(EmbeddedRedisServer.pidFile(dir)).exists();

        assertThat(DataDirectoryLock.acquire(root).stopOrphan("Redis", EmbeddedRedisServer.pidFile(dir), "redis"))
                .hasValueSatisfying(what -> assertThat(what).contains("Stopped an orphaned embedded Redis"));
        EmbeddedRedisServer restarted = EmbeddedRedisServer.start(dir, port, true);
        RedisClient client = RedisClient.create(restarted.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().get("kill_switch:state")).isEqualTo("ENGAGED");
        } finally {
            client.shutdown();
            restarted.close();
        }
    }

    /** Runs {@link CrashingTradepilot} in a separate JVM until it is READY, then kills that JVM with SIGKILL. */
    private static void crash(String server, Path dir, int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingTradepilot.class.getName(), server, dir.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the crashing process got ready; it printed:%n%s", seen).isEqualTo("READY");
            jvm.destroyForcibly().waitFor();
        }
    }

    @Test
    void a_process_that_is_not_the_server_is_never_stopped_even_with_its_pid_in_the_file() throws Exception {
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = root.resolve("postmaster.pid");
            Files.writeString(pidFile, bystander.pid() + "\n");
            assertThat(DataDirectoryLock.acquire(root).stopOrphan("PostgreSQL", pidFile, root.toAbsolutePath().toString())).isEmpty();
            assertThat(bystander.isAlive()).isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    @Test
    void a_data_directory_in_use_is_refused_with_a_clear_message() {
        DataDirectoryLock.acquire(root);
        assertThatThrownBy(() -> DataDirectoryLock.acquire(root)).hasMessageContaining("already uses the data directory");
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
