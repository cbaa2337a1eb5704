package io.tradepilot.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL server run from the binaries on the classpath (zonky). With a persistent data
 * directory a restart (or a crash) keeps every committed row: fsync and synchronous commit are on;
 * an ephemeral one is wiped when the server starts and trades durability for speed.
 *
 * <p>Every connection needs the superuser's password (SCRAM), listening on 127.0.0.1 only. The password
 * is generated at the first start and kept in {@link PasswordFile} {@code <dataDirectory>.password}
 * (0600). A cluster created by an older Tradepilot (trust authentication, no password) is secured at its
 * first start after the upgrade: password set, {@code pg_hba.conf} rewritten to SCRAM, configuration
 * reloaded. The server's output goes to {@code <dataDirectory>.log}; when it does not come up within
 * {@link #STARTUP_WAIT}, the exception quotes that log and names the likely cause ({@link PostgresStartFailure}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** How long a start may take: crash recovery after a heavy run on a busy machine can need far more than 30 s. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    /** The log is renamed to {@code .log.1} (replacing an older one) at a start that finds it larger. */
    static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
    static final String SUPERUSER = "postgres";
    private static final String SCRAM = "scram-sha-256";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

    /** What {@link #secureExisting} writes: SCRAM for every local and loopback connection. */
    static final String PG_HBA = """
            # Written by Tradepilot: every connection needs the password kept in the file <data directory>.password
            # beside this directory (see docs/security.md). TYPE DATABASE USER ADDRESS METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final String secured;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String password, String secured) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.secured = secured;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; created (initdb) when it holds none yet
     * @param port          the port to listen on, {@code 0} for a free one
     * @param persistent    {@code false} wipes the data directory first and stops the server with
     *                      the JVM; a persistent server is stopped by its owner ({@link EmbeddedServers})
     * @throws IllegalStateException when the port is taken, when a password-protected cluster has lost its
     *                               password file, or when the server does not come up (with its log lines)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean persistent) {
        Path passwordFile = PasswordFile.of(dataDirectory);
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean existing = persistent && Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (existing && !Files.exists(passwordFile) && passwordOnly(hba)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " needs its password, but "
                    + passwordFile.toAbsolutePath() + " is missing: restore it (see docs/security.md, embedded servers, to set a new one)");
        }
        String password = PasswordFile.readOrCreate(passwordFile);
        int chosen = port > 0 ? LoopbackPort.requireFree(port, "PostgreSQL", "TRADEPILOT_EMBEDDED_PG_PORT") : LoopbackPort.free("PostgreSQL");
        Path log = logFile(dataDirectory);
        long logOffset = rotate(log);
        EmbeddedPostgres postgres;
        boolean exited;
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!persistent)
                    .setRegisterShutdownHook(!persistent)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setPort(chosen)
                    .setConnectConfig("password", password)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100");
            if (!existing) {
                // zonky runs "initdb -A trust -U postgres" and appends each "locale" entry as --key=value: the
                // later options replace trust, so a new cluster never accepts a connection without the password
                builder.setLocaleConfig("auth-host", SCRAM)
                        .setLocaleConfig("auth-local", SCRAM)
                        .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString());
            }
            if (persistent) {
                // zonky starts PostgreSQL with test settings (-F: no fsync, no synchronous commit).
                // Data that must survive a crash needs both back on; the later -c options win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            try (ExitWatch exit = new ExitWatch(log, logOffset)) {
                postgres = builder.start();
                exited = exit.seen();
            }
        } catch (IOException | RuntimeException e) {
            throw PostgresStartFailure.of(dataDirectory, chosen, log, logOffset, e);
        }
        if (exited) {
            // read the log before zonky's stop adds its own complaints to it
            IllegalStateException failure = PostgresStartFailure.of(dataDirectory, chosen, log, logOffset,
                    new IOException("PostgreSQL exited while starting"));
            closeQuietly(postgres);
            throw failure;
        }
        String secured = null;
        if (!passwordOnly(hba)) {
            try {
                secureExisting(postgres, hba, password);
                secured = "Secured the embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " (created by an earlier version"
                        + " without a password): every connection now needs the password kept in " + passwordFile.toAbsolutePath();
            } catch (SQLException | IOException | RuntimeException e) {
                closeQuietly(postgres);
                throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                        + " with a password: " + e.getMessage(), e);
            }
        }
        return new EmbeddedPostgresServer(postgres, dataDirectory, password, secured);
    }

    /**
     * Gives a cluster that still trusts local connections a password: sets the superuser's password (the
     * SCRAM verifier is computed here, so the password itself never reaches the server or its log), writes
     * {@link #PG_HBA}, reloads, and waits until a connection without the password is refused.
     */
    private static void secureExisting(EmbeddedPostgres postgres, Path hba, String password) throws SQLException, IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, password); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), SCRAM);
            Path next = hba.resolveSibling("pg_hba.conf.tradepilot");
            Files.writeString(next, PG_HBA, StandardCharsets.UTF_8);
            Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (ResultSet errors = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
                errors.next();
                if (errors.getLong(1) > 0) throw new IllegalStateException("PostgreSQL refuses the new pg_hba.conf");
            }
            s.execute("SELECT pg_reload_conf()");
        }
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (acceptsWithoutPassword(url)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL still accepts connections without a password " + RELOAD_WAIT.toSeconds()
                        + " s after the reload");
            }
            try {
                Thread.sleep(50); // the postmaster applies the reload asynchronously
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while securing the embedded PostgreSQL", e);
            }
        }
    }

    /**
     * Ends zonky's wait early when PostgreSQL has already given up: zonky polls the port for up to
     * {@link #STARTUP_WAIT} even after the postmaster exited (a bad setting, no memory), so this watches the
     * log for pg_ctl's verdict and interrupts the starting thread, which makes zonky stop waiting.
     */
    private static final class ExitWatch implements AutoCloseable {
        /** What {@code pg_ctl -w start} prints when the postmaster exits before it accepts connections. */
        static final String PG_CTL_FAILED = "pg_ctl: could not start server";

        private final Thread starter = Thread.currentThread();
        private final Thread watcher;
        private volatile boolean seen;
        private volatile boolean done;

        ExitWatch(Path log, long offset) {
            watcher = Thread.ofPlatform().daemon().name("embedded-postgres-start-watch").start(() -> {
                while (!done) {
                    if (PostgresStartFailure.lastLines(log, offset, Integer.MAX_VALUE).stream().anyMatch(l -> l.contains(PG_CTL_FAILED))) {
                        synchronized (this) {
                            if (!done) {
                                seen = true;
                                starter.interrupt();
                            }
                        }
                        return;
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        boolean seen() {
            return seen;
        }

        @Override
        public void close() {
            synchronized (this) {
                done = true;
            }
            watcher.interrupt();
            if (seen) {
                Thread.interrupted(); // the interrupt was ours, sent to end zonky's wait: clear it
            }
        }
    }

    private static boolean acceptsWithoutPassword(String url) {
        try (Connection ignored = DriverManager.getConnection(url, SUPERUSER, "")) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    /**
     * Whether every rule of {@code pg_hba.conf} asks for the SCRAM password (or rejects): false for a
     * missing file and for a cluster created by an older Tradepilot ({@code trust}).
     */
    static boolean passwordOnly(Path hba) {
        try {
            return Files.isRegularFile(hba) && passwordOnly(Files.readAllLines(hba, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + hba.toAbsolutePath(), e);
        }
    }

    /** {@link #passwordOnly(Path)} on the file's lines. */
    static boolean passwordOnly(List<String> lines) {
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) continue;
            int method = fields[0].equals("local") ? 3 : 4;
            if (fields.length <= method) return false;
            String m = fields[method].toLowerCase(Locale.ROOT);
            if (!m.equals(SCRAM) && !m.equals("reject")) return false;
        }
        return true;
    }

    /** Where the server's output goes: {@code <dataDirectory>.log} beside the data directory (initdb wants that one empty). */
    static Path logFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    /**
     * Renames a log grown beyond {@link #LOG_ROTATE_BYTES} and creates a missing one owner-only (0600);
     * returns the size the log has before this start.
     */
    private static long rotate(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(log)) {
                Files.createFile(log); // the log may show settings and statements: owner-only like PostgreSQL's own
                PasswordFile.restrictToOwner(log);
            }
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the PostgreSQL log " + log.toAbsolutePath(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // the start already failed; that failure is what the caller reports
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public String username() {
        return SUPERUSER;
    }

    /** The superuser's password (from {@code <dataDirectory>.password}); never log it. */
    public String password() {
        return password;
    }

    /** What the start did to secure a cluster created without a password, for the log; empty when nothing. */
    public Optional<String> secured() {
        return Optional.ofNullable(secured);
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
