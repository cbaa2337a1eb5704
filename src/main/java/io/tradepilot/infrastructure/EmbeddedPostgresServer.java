package io.tradepilot.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server run from the binaries on the classpath (zonky). With a persistent data
 * directory a restart (or a crash) keeps every committed row: fsync and synchronous commit are on;
 * an ephemeral one is wiped when the server starts and trades durability for speed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; created (initdb) when it holds none yet
     * @param port          the port to listen on, {@code 0} for a free one
     * @param persistent    {@code false} wipes the data directory first and stops the server with
     *                      the JVM; a persistent server is stopped by its owner ({@link EmbeddedServers})
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean persistent) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!persistent)
                    .setRegisterShutdownHook(!persistent)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100");
            if (persistent) {
                // zonky starts PostgreSQL with test settings (-F: no fsync, no synchronous commit).
                // Data that must survive a crash needs both back on; the later -c options win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + (port > 0 ? " on port " + port + " (is another instance running?)" : ""), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
