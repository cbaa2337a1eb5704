package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.ChildApplication;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real application in its own JVM, trading at full speed against the tests' PostgreSQL and Redis,
 * killed with SIGKILL in the middle of the run and started again: the ledger stays consistent, the
 * restarted engine rebuilds exactly what the ledger holds, the feed resumes after its checkpoint and
 * trading carries on. The test reads the ledger with plain JDBC; this JVM's (trading-disabled) context only
 * provides users and API tokens (same database) for the REST calls to the application process.
 */
class KillNineRecoveryIT extends IntegrationTestSupport {

    private static final Pattern STARTED = Pattern.compile("Engine started as leader: \\d+ symbols, (\\d+) recovered fills, (\\d+) recovered orders");

    private final List<Process> processes = new ArrayList<>();
    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final Map<Process, Integer> ports = new HashMap<>();

    @Autowired StringRedisTemplate redis;

    @AfterEach
    void killLeftovers() {
        for (Process p : processes) p.destroyForcibly();
    }

    @Test
    void after_kill_9_mid_run_the_restarted_application_recovers_the_ledger_and_trades_on() throws Exception {
        emptyLedger();
        List<String> firstLog = new CopyOnWriteArrayList<>();
        Process first = startApplication("first", firstLog);
        eventually(Duration.ofMinutes(4), () -> count("SELECT count(*) FROM trade_order") >= 6 && count("SELECT count(*) FROM fill") >= 3,
                "orders and fills recorded by the first process", first, firstLog);

        first.destroyForcibly();   // SIGKILL
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        long ordersAtKill = count("SELECT count(*) FROM trade_order");
        long fillsAtKill = count("SELECT count(*) FROM fill");
        long checkpointAtKill = count("SELECT coalesce(sum(bars), 0) FROM feed_checkpoint");
        String firstCheckpointAtKill = text("SELECT min(last_bar_start) FROM feed_checkpoint");
        assertThat(checkpointAtKill).as("the feed had a checkpoint").isPositive();

        List<String> secondLog = new CopyOnWriteArrayList<>();
        Process second = startApplication("second", secondLog);
        eventually(Duration.ofMinutes(3), () -> secondLog.stream().anyMatch(l -> STARTED.matcher(l).find()),
                "the second process to start its engine", second, secondLog);
        String started = secondLog.stream().filter(l -> STARTED.matcher(l).find()).findFirst().orElseThrow();
        Matcher m = STARTED.matcher(started);
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("recovered fills").isEqualTo(fillsAtKill);
        assertThat(Long.parseLong(m.group(2))).as("recovered orders").isEqualTo(ordersAtKill);
        assertThat(started).as("recovery mismatches").doesNotContain("MISMATCHES");
        assertThat(secondLog).noneMatch(l -> l.contains("Recovered positions disagree with the ledger"));

        eventually(Duration.ofMinutes(4), () -> count("SELECT count(*) FROM trade_order") > ordersAtKill + 2
                        && count("SELECT coalesce(sum(bars), 0) FROM feed_checkpoint") > checkpointAtKill + 300,
                "new orders and bars after the restart", second, secondLog);
        second.destroy();          // SIGTERM
        assertThat(second.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the second process ends").isTrue();

        assertThat(count("SELECT count(*) FROM order_event WHERE event_type = 'DUPLICATE_IGNORED' AND occurred_at <= '"
                + firstCheckpointAtKill + "'::timestamptz")).as("no decision before the checkpoint was made again: the feed resumed after it").isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT client_order_id) FROM trade_order")).as("duplicate client order ids").isZero();
        Map<String, BigDecimal> fromFills = new HashMap<>();
        BigDecimal cash = new BigDecimal("1000000");
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT symbol, side, quantity, price, commission, filled_at <= (SELECT max(at) FROM equity_snapshot)"
                     + " FROM fill ORDER BY seq")) {
            while (rs.next()) {
                BigDecimal q = rs.getBigDecimal(3), notional = q.multiply(rs.getBigDecimal(4));
                boolean buy = rs.getString(2).equals("BUY");
                fromFills.merge(rs.getString(1), buy ? q : q.negate(), BigDecimal::add);
                // the last recorded step's cash holds the fills up to that step (a later step's may be committed without its step row)
                if (rs.getBoolean(6)) cash = (buy ? cash.subtract(notional) : cash.add(notional)).subtract(rs.getBigDecimal(5));
            }
        }
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT symbol, quantity FROM position")) {
            while (rs.next()) {
                assertThat(rs.getBigDecimal(2)).as(rs.getString(1) + " position equals its fills")
                        .isEqualByComparingTo(fromFills.getOrDefault(rs.getString(1), BigDecimal.ZERO));
            }
        }
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT cash FROM equity_snapshot ORDER BY at DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).as("the last recorded cash equals what the fills up to it imply").isEqualByComparingTo(cash);
        }
    }

    @Test
    void after_kill_9_during_a_flatten_the_restarted_application_completes_it_exactly_once() throws Exception {
        emptyLedger();
        TradingFixtures.deleteKeys(redis, "kill9f-it:");
        String token = users.apiToken(users.newAdmin());
        List<String> firstLog = new CopyOnWriteArrayList<>();
        // a bar every 3 s; the strategy needs 60 bars before its first order: only the manual order trades
        String[] flattening = {"--tradepilot.controls.key-prefix=kill9f-it:", "--tradepilot.trading.bar-cache.key-prefix=kill9f-it:bars:",
                "--tradepilot.trading.leader-lock-key=880008", "--tradepilot.trading.strategies[0].symbols=KF,KG",
                "--tradepilot.trading.strategies[0].params.slow=60", "--tradepilot.trading.marketdata.speed=100"};
        Process first = startApplication("flatten-first", firstLog, flattening);
        eventually(Duration.ofMinutes(3), () -> count("SELECT count(*) FROM feed_checkpoint") >= 2, "the first bars", first, firstLog);
        ApiClient api = new ApiClient("http://localhost:" + ports.get(first), token);
        var placed = api.post("/api/v1/orders", "{\"symbol\":\"KF\",\"side\":\"BUY\",\"quantity\":100,\"type\":\"MARKET\","
                + "\"reason\":\"kill -9 drill: open a position\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        eventually(Duration.ofSeconds(30), () -> count("SELECT count(*) FROM position WHERE symbol = 'KF' AND quantity = 100") == 1,
                "the manual order filled", first, firstLog);

        var flatten = api.post("/api/v1/flatten", "{\"reason\":\"kill -9 drill: flatten everything now\",\"confirm\":\"FLATTEN\"}");
        first.destroyForcibly();   // SIGKILL right after "started": the closing order is recorded, not yet filled
        assertThat(flatten.statusCode()).as(flatten.body()).isEqualTo(200);
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(count("SELECT count(*) FROM trade_order WHERE strategy = 'engine' AND symbol = 'KF'"))
                .as("the flatten's closing order was recorded before the answer").isEqualTo(1);

        List<String> secondLog = new CopyOnWriteArrayList<>();
        Process second = startApplication("flatten-second", secondLog, flattening);
        eventually(Duration.ofMinutes(3), () -> count("SELECT count(*) FROM position WHERE quantity <> 0") == 0
                        && count("SELECT count(*) FROM position") >= 1,
                "the restarted engine to complete the flatten", second, secondLog);
        eventually(Duration.ofSeconds(30), () -> count("SELECT coalesce(sum(bars), 0) FROM feed_checkpoint") >= 8, "more bars", second, secondLog);
        second.destroy();
        assertThat(second.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the second process ends").isTrue();

        assertThat(count("SELECT count(*) FROM trade_order")).as("the manual order and one closing order, nothing twice").isEqualTo(2);
        assertThat(count("SELECT count(*) - count(DISTINCT client_order_id) FROM trade_order")).isZero();
        assertThat(count("SELECT count(*) FROM fill WHERE order_id = (SELECT order_id FROM trade_order WHERE strategy = 'engine')"))
                .as("the closing order filled exactly once").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM fill")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'FLATTEN_ALL' AND outcome = 'SUCCESS'"
                + " AND reason = 'kill -9 drill: flatten everything now'")).as("the flatten audited once").isEqualTo(1);
        assertThat(redis.opsForValue().get("kill9f-it:kill_switch:state")).as("still fail closed: kill switch engaged").contains("ENGAGED");
    }

    // ------------------------------------------------------------------------------ the application process

    private Process startApplication(String name, List<String> log, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + ChildApplication.freePort(),
                "--tradepilot.controls.key-prefix=kill9-it:",
                "--tradepilot.trading.bar-cache.key-prefix=kill9-it:bars:",
                "--tradepilot.trading.enabled=true",
                "--tradepilot.trading.leader-lock-key=880004",
                "--tradepilot.trading.limits.daily-loss=0",
                "--tradepilot.trading.limits.consecutive-losses=0",
                "--tradepilot.trading.limits.drawdown=0",
                "--tradepilot.trading.strategies[0].name=sma-cross",
                "--tradepilot.trading.strategies[0].symbols=KA,KB,KC",
                "--tradepilot.trading.strategies[0].quantity=100",
                "--tradepilot.trading.strategies[0].params.fast=5",
                "--tradepilot.trading.strategies[0].params.slow=15",
                "--tradepilot.trading.marketdata.speed=0",
                "--tradepilot.trading.marketdata.stale-after=10m",
                "--tradepilot.trading.marketdata.synthetic.trading-days=60"));
        for (String e : extra) {  // an extra setting replaces the default of the same name (repeated ones would be joined)
            String key = e.substring(0, e.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(e);
        }
        int port = Integer.parseInt(args.stream().filter(a -> a.startsWith("--server.port=")).findFirst().orElseThrow()
                .substring("--server.port=".length()));
        Process p = ChildApplication.start(Path.of("target", "kill9-it"), name, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                "io.tradepilot.Application", args, log);
        processes.add(p);
        ports.put(p, port);
        return p;
    }

    // ------------------------------------------------------------------------------ the ledger

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(), System.getProperty("TRADEPILOT_DB_USER"),
                System.getProperty("TRADEPILOT_DB_PASSWORD"));
    }

    private long count(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // not migrated yet
        }
    }

    private String text(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void emptyLedger() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regclass('trade_order') IS NOT NULL THEN "
                    + "TRUNCATE order_event, fill, round_trip, position, equity_snapshot, strategy_day, feed_checkpoint, trade_order, "
                    + "strategy_switch, config_applied, config_version; END IF; END $$");
        }
    }

    private static void eventually(Duration timeout, BooleanSupplier condition, String what, Process process, List<String> log) {
        ChildApplication.await(timeout, condition, what, process, log);
    }
}
