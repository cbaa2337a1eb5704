package io.tradepilot.infrastructure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A stand-in for a Tradepilot process that will be killed with SIGKILL: starts one persistent
 * embedded server on a data directory, commits one value, prints READY and waits to be killed.
 * Arguments: {@code postgres|redis DATA_DIR PORT}.
 */
final class CrashingTradepilot {

    private CrashingTradepilot() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        if (args[0].equals("postgres")) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port, true);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (note VARCHAR(40))");
                s.execute("INSERT INTO survivor VALUES ('committed before the crash')");
            }
        } else {
            EmbeddedRedisServer server = EmbeddedRedisServer.start(dir, port, true);
            RedisClient client = RedisClient.create(server.url());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                c.sync().set("kill_switch:state", "ENGAGED");
            }
            client.shutdown();
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
