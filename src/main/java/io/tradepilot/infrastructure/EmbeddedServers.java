package io.tradepilot.infrastructure;

import java.net.URI;
import java.nio.file.Path;

/**
 * The embedded servers this process started, one of each at most. Kept outside the Spring context
 * because they must run before it exists; stopped with the context by {@link EmbeddedServersShutdown}.
 */
public final class EmbeddedServers {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;
    private static String externalPostgres;
    private static String externalRedis;

    private EmbeddedServers() {
    }

    static synchronized EmbeddedPostgresServer postgres(Path dataDirectory, int port) {
        externalPostgres = null;
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(dataDirectory, port, true);
        }
        return postgres;
    }

    static synchronized EmbeddedRedisServer redis(Path dataDirectory, int port) {
        externalRedis = null;
        if (redis == null) {
            redis = EmbeddedRedisServer.start(dataDirectory, port, true);
        } else {
            redis.start();
        }
        return redis;
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

    static synchronized boolean embeddedInUse() {
        return postgres != null || redis != null;
    }

    static synchronized void stopAll() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
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
