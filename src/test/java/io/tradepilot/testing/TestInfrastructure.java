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
 * Either way PostgreSQL and Redis are reached through a {@link TcpProxy} each, so a test can cut one off
 * ({@link #cutRedis()}, {@link #cutPostgres()}) or stall it ({@link #freezeRedis()}, {@link #freezePostgres()})
 * without stopping or pausing a server that others share. A PostgreSQL restart is simulated the same way
 * (every connection dropped, new ones refused, then accepted again): the embedded test server is ephemeral
 * and an external one is not ours to restart. The application is pointed at these servers through system
 * properties that its {@code InfrastructureEnvironmentPostProcessor} reads.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final boolean external;
    private final String jdbcUrl;
    private final String directJdbcUrl;
    private final TcpProxy postgresProxy;
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
            directJdbcUrl = required("TRADEPILOT_DB_URL");
            dbUser = required("TRADEPILOT_DB_USER");
            dbPassword = required("TRADEPILOT_DB_PASSWORD");
            targetRedisUrl = required("TRADEPILOT_REDIS_URL");
            embeddedPostgres = null;
            embeddedRedis = null;
        } else {
            Path root = tempDirectory();
            embeddedPostgres = EmbeddedPostgresServer.start(root.resolve("postgres"), 0, false);
            embeddedRedis = EmbeddedRedisServer.start(root.resolve("redis"), 0, false);
            directJdbcUrl = embeddedPostgres.jdbcUrl();
            dbUser = embeddedPostgres.username();
            dbPassword = embeddedPostgres.password();
            targetRedisUrl = embeddedRedis.url();
        }
        URI database = URI.create(directJdbcUrl.substring("jdbc:".length()));
        postgresProxy = new TcpProxy(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
        jdbcUrl = jdbcUrlThrough(postgresProxy);
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

    /** The JDBC URL the application must use (through the PostgreSQL proxy). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The JDBC URL of the PostgreSQL server itself, bypassing the proxy (a test's own view during a fault). */
    public String directJdbcUrl() {
        return directJdbcUrl;
    }

    /** A proxy of its own in front of PostgreSQL (e.g. for one of two instances), closed by the caller. */
    public TcpProxy newPostgresProxy() {
        return new TcpProxy(postgresProxy.targetHost(), postgresProxy.targetPort());
    }

    /** The JDBC URL of the database through {@code proxy}. */
    public String jdbcUrlThrough(TcpProxy proxy) {
        URI database = URI.create(directJdbcUrl.substring("jdbc:".length()));
        String query = database.getRawQuery() == null ? "" : "?" + database.getRawQuery();
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath() + query;
    }

    /**
     * Cuts the application off PostgreSQL: open connections drop and new ones are refused, as when the server
     * stops or restarts. Never touches the server.
     */
    public void cutPostgres() {
        postgresProxy.cut();
    }

    /** Lets the application reach PostgreSQL again. */
    public void restorePostgres() {
        postgresProxy.restore();
    }

    /** Stalls PostgreSQL for the application: nothing is forwarded, nothing is closed, until {@link #thawPostgres()}. */
    public void freezePostgres() {
        postgresProxy.freeze();
    }

    public void thawPostgres() {
        postgresProxy.thaw();
    }

    /** Stalls Redis for the application: nothing is forwarded, nothing is closed, until {@link #thawRedis()}. */
    public void freezeRedis() {
        redisProxy.freeze();
    }

    public void thawRedis() {
        redisProxy.thaw();
    }

    /** Ends any PostgreSQL or Redis fault a test left behind (thaws and restores both proxies). */
    public void endFaults() {
        postgresProxy.thaw();
        postgresProxy.restore();
        redisProxy.thaw();
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
        postgresProxy.close();
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
