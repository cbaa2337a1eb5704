package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis server run from the binary on the classpath (codemonstur embedded-redis), bound to
 * 127.0.0.1. A persistent one keeps its data in an append-only file in its data directory.
 * It can be stopped and started again on the same port.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;
    private final Path dataDirectory;

    private EmbeddedRedisServer(RedisServer redis, int port, Path dataDirectory) {
        this.redis = redis;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the append-only file lives
     * @param port          the port to listen on, {@code 0} for a free one
     * @param persistent    {@code false} keeps everything in memory only
     */
    public static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent) {
        int chosen = port > 0 ? port : freePort();
        try {
            Files.createDirectories(dataDirectory);
            RedisServer redis = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("pidfile " + pidFile(dataDirectory).toAbsolutePath())
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .build();
            EmbeddedRedisServer server = new EmbeddedRedisServer(redis, chosen, dataDirectory);
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

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Redis", e);
        }
    }
}
