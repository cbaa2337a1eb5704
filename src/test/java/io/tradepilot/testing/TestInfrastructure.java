package io.tradepilot.testing;

import io.tradepilot.infrastructure.EmbeddedPostgresServer;
import io.tradepilot.infrastructure.EmbeddedRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL and Redis the integration tests of this JVM run on, prepared once and shared by
 * every application context.
 *
 * <ul>
 *   <li>By default: an embedded PostgreSQL and an embedded Redis on free ports with fresh data in a
 *   temporary directory.</li>
 *   <li>With {@code -Dit.external=true}: the servers of {@code TRADEPILOT_DB_URL}/{@code _USER}/
 *   {@code _PASSWORD} and {@code TRADEPILOT_REDIS_URL}, which must be set (see
 *   {@code bin/external-servers}); nothing falls back to embedded servers.</li>
 * </ul>
 * Either way Redis is reached through a {@link TcpProxy}, so a test can cut it off
 * ({@link #cutRedis()}) without stopping a server that others share. The application is pointed at
 * these servers through system properties that its {@code InfrastructureEnvironmentPostProcessor}
 * reads.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final boolean external;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String redisUrl;
    private final TcpProxy redisProxy;
    private final EmbeddedPostgresServer embeddedPostgres;
    private final EmbeddedRedisServer embeddedRedis;

    private TestInfrastructure() {
        external = Boolean.getBoolean("it.external");
        String targetRedisUrl;
        if (external) {
            jdbcUrl = required("TRADEPILOT_DB_URL");
            dbUser = required("TRADEPILOT_DB_USER");
            dbPassword = required("TRADEPILOT_DB_PASSWORD");
            targetRedisUrl = required("TRADEPILOT_REDIS_URL");
            embeddedPostgres = null;
            embeddedRedis = null;
        } else {
            Path root = tempDirectory();
            embeddedPostgres = EmbeddedPostgresServer.start(root.resolve("postgres"), 0, false);
            embeddedRedis = EmbeddedRedisServer.start(root.resolve("redis"), 0, false);
            jdbcUrl = embeddedPostgres.jdbcUrl();
            dbUser = embeddedPostgres.username();
            dbPassword = embeddedPostgres.password();
            targetRedisUrl = embeddedRedis.url();
        }
        URI target = URI.create(targetRedisUrl);
        redisProxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 6379 : target.getPort());
        redisUrl = rewritePort(target, redisProxy.port());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-infrastructure-shutdown"));
    }

    /** The shared infrastructure, started on first use; points the application at it. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        instance.publish();
        return instance;
    }

    private void publish() {
        System.setProperty("TRADEPILOT_DB_URL", jdbcUrl);
        System.setProperty("TRADEPILOT_DB_USER", dbUser);
        System.setProperty("TRADEPILOT_DB_PASSWORD", dbPassword);
        System.setProperty("TRADEPILOT_REDIS_URL", redisUrl);
    }

    /** Whether the tests run against the external {@code TRADEPILOT_*} servers. */
    public boolean external() {
        return external;
    }

    /** The JDBC URL the application must use. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The port of the Redis server behind the proxy (what {@code INFO server} reports as tcp_port). */
    public int redisServerPort() {
        return redisProxy.targetPort();
    }

    /**
     * Cuts the application off Redis: open connections drop and new ones are refused, as if the
     * server had stopped. Works the same for embedded and external Redis and never stops a server.
     */
    public void cutRedis() {
        redisProxy.cut();
    }

    /** Lets the application reach Redis again (Lettuce reconnects by itself within a few seconds). */
    public void restoreRedis() {
        redisProxy.restore();
    }

    public boolean redisCut() {
        return redisProxy.isCut();
    }

    private void shutdown() {
        redisProxy.close();
        if (embeddedRedis != null) {
            embeddedRedis.close();
        }
        if (embeddedPostgres != null) {
            embeddedPostgres.close();
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Dit.external=true needs " + name
                    + " (run: eval \"$(bin/external-servers)\"); refusing to fall back to embedded servers");
        }
        return value;
    }

    private static String rewritePort(URI uri, int port) {
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/0" : uri.getRawPath();
        return uri.getScheme() + "://" + userInfo + "127.0.0.1:" + port + path;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("tradepilot-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
