package io.tradepilot.infrastructure;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded servers this process started, one of each at most. Kept outside the Spring context
 * because they must run before it exists; stopped with the context by {@link EmbeddedServersShutdown}.
 */
public final class EmbeddedServers {

    private static DataDirectoryLock dataLock;
    private static final java.util.List<String> recoveries = new java.util.ArrayList<>();
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;
    private static String externalPostgres;
    private static String externalRedis;
    private static Thread shutdownHook;
    private static CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedServers() {
    }

    /**
     * On JVM exit, gives the application context up to 15 s to close its connection pools and stop
     * the servers in order ({@link #stopAll()}), then stops whatever still runs, so that no server
     * outlives the process even when the context never started.
     */
    private static void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        CountDownLatch latch = stopped;
        shutdownHook = new Thread(() -> {
            try {
                if (anyRunning()) {
                    latch.await(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopAll();
        }, "tradepilot-embedded-servers-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static synchronized EmbeddedPostgresServer postgres(Path dataDirectory, int port) {
        externalPostgres = null;
        if (postgres == null) {
            registerShutdownHook();
            lock(dataDirectory.getParent()).stopOrphan("PostgreSQL", dataDirectory.resolve("postmaster.pid"),
                    dataDirectory.toAbsolutePath().toString()).ifPresent(recoveries::add);
            postgres = EmbeddedPostgresServer.start(dataDirectory, port, true);
            postgres.secured().ifPresent(recoveries::add);
        }
        return postgres;
    }

    static synchronized EmbeddedRedisServer redis(Path dataDirectory, int port) {
        externalRedis = null;
        if (redis == null) {
            registerShutdownHook();
            lock(dataDirectory.getParent()).stopOrphan("Redis", EmbeddedRedisServer.pidFile(dataDirectory), "redis")
                    .ifPresent(recoveries::add);
            redis = EmbeddedRedisServer.start(dataDirectory, port, true);
        } else {
            redis.start();
        }
        return redis;
    }

    /** The lock on the data directory shared by both servers, taken once per process. */
    private static DataDirectoryLock lock(Path dataRoot) {
        if (dataLock == null) {
            dataLock = DataDirectoryLock.acquire(dataRoot);
        }
        return dataLock;
    }

    static synchronized void useExternalPostgres(String jdbcUrl) {
        externalPostgres = jdbcUrl;
    }

    static synchronized void useExternalRedis(String url) {
        externalRedis = url;
    }

    /** Whether this process started an embedded PostgreSQL or Redis that still runs. */
    public static synchronized boolean anyRunning() {
        return postgres != null || (redis != null && redis.isRunning());
    }

    /** One line saying which servers are in use; never contains a password. */
    static synchronized String describe() {
        String db = postgres != null
                ? "EMBEDDED PostgreSQL (data in " + postgres.dataDirectory() + ", port " + postgres.port() + ")"
                : "PostgreSQL at " + withoutCredentials(externalPostgres);
        String kv = redis != null
                ? "EMBEDDED Redis (data in " + redis.dataDirectory() + ", port " + redis.port() + ")"
                : "Redis at " + withoutCredentials(externalRedis);
        return "running on " + db + " and " + kv;
    }

    /** What was done at start to recover from an earlier unclean stop or to secure an older data directory (logged once logging exists). */
    static synchronized java.util.List<String> recoveries() {
        return java.util.List.copyOf(recoveries);
    }

    static synchronized boolean embeddedInUse() {
        return postgres != null || redis != null;
    }

    static synchronized void stopAll() {
        try {
            if (redis != null) {
                redis.close();
                redis = null;
            }
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } finally {
            stopped.countDown();
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException exiting) {
                    // the JVM is already shutting down: the hook will find nothing left to stop
                }
            }
            shutdownHook = null;
            stopped = new CountDownLatch(1);
        }
    }

    static String withoutCredentials(String url) {
        if (url == null) {
            return "(not configured)";
        }
        try {
            URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
            String host = uri.getHost() == null ? "?" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getPath() == null ? "" : uri.getPath();
            return uri.getScheme() + "://" + host + port + path;
        } catch (IllegalArgumentException e) {
            return "(unparsable URL)";
        }
    }
}
