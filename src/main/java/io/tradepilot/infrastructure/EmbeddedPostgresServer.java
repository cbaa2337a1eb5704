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
            if (persistent) {
                stopOrphanedPostmaster(dataDirectory);
            }
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

    /**
     * A PostgreSQL left running on this data directory by an earlier process that was killed is
     * shut down, so that the data directory can be used again. While a live process owns the
     * directory it holds zonky's lock file ({@code epg-lock}); then nothing is touched and starting
     * fails with a clear message. (The postmaster's parent process says nothing: pg_ctl detaches it.)
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (NumberFormatException e) {
            return;
        }
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself recovers from it
        }
        if (!ownerless(dataDirectory.resolve("epg-lock"))) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") of another running process already uses "
                    + dataDirectory + "; stop that process or set TRADEPILOT_DATA_DIR to another directory");
        }
        ProcessHandle postmaster = process.get();
        System.err.println("Tradepilot: stopping the embedded PostgreSQL (pid " + pid
                + ") that an earlier, killed process left running on " + dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    /** Whether no live process holds the lock file (it is taken and released at once to find out). */
    private static boolean ownerless(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
            return false;
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
