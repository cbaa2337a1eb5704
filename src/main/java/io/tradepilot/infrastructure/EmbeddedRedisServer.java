package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis server run from the binary on the classpath (codemonstur embedded-redis), bound to
 * 127.0.0.1 in protected mode, answering only clients that give its password ({@code requirepass}),
 * which is generated at the first start and kept in {@link PasswordFile} {@code <dataDirectory>.password}
 * (0600). A persistent one keeps its data in an append-only file in its data directory.
 * It can be stopped and started again on the same port.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedRedisServer(RedisServer redis, int port, Path dataDirectory, String password) {
        this.redis = redis;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the append-only file lives
     * @param port          the port to listen on, {@code 0} for a free one
     * @param persistent    {@code false} keeps everything in memory only
     */
    public static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent) {
        int chosen = port > 0 ? LoopbackPort.requireFree(port, "Redis", "TRADEPILOT_EMBEDDED_REDIS_PORT") : LoopbackPort.free("Redis");
        String password = PasswordFile.readOrCreate(PasswordFile.of(dataDirectory));
        try {
            Files.createDirectories(dataDirectory);
            // the library writes these settings to an owner-only (0600) temporary file, never on the command line
            RedisServer redis = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("pidfile " + pidFile(dataDirectory).toAbsolutePath())
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .setting("requirepass " + password)
                    .build();
            EmbeddedRedisServer server = new EmbeddedRedisServer(redis, chosen, dataDirectory, password);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not configure the embedded Redis in " + dataDirectory, e);
        }
    }

    /** Starts the server again after {@link #stop()}; does nothing when it runs. */
    public void start() {
        try {
            if (!redis.isActive()) {
                redis.start();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded Redis on port " + port
                    + " (is another instance running?)", e);
        }
    }

    /** Stops the server; its clients see the connection drop. */
    public void stop() {
        try {
            if (redis.isActive()) {
                redis.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded Redis", e);
        }
    }

    public boolean isRunning() {
        return redis.isActive();
    }

    /** Where the server writes its process id (read to stop an orphan after a crash). */
    static Path pidFile(Path dataDirectory) {
        return dataDirectory.resolve("redis.pid");
    }

    public int port() {
        return port;
    }

    /** The URL clients connect with; it contains the password, so never log it. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port + "/0";
    }

    /** The password (from {@code <dataDirectory>.password}); never log it. */
    public String password() {
        return password;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }
}
