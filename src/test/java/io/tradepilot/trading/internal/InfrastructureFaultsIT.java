package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventually;
import static io.tradepilot.testing.Eventually.eventuallyDespiteErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Faults injected under the running engine through the tests' TCP proxies in front of PostgreSQL and Redis
 * (stalls: nothing forwarded, nothing closed; restarts: every connection dropped and refused for a while):
 * trading fails closed during the fault, recovers without anyone's help after it, and the ledger loses and
 * duplicates nothing. The context's own engine host runs here (trading enabled, started by each test on an
 * empty ledger), with short leadership checks. The test reads the ledger on a connection of its own that
 * bypasses the proxy.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=faults-it:",
        "tradepilot.trading.bar-cache.key-prefix=faults-it:bars:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880006",
        "tradepilot.trading.standby-retry=300ms",
        "tradepilot.trading.leadership.check-every=300ms",
        "tradepilot.trading.leadership.check-timeout=1s",
        "tradepilot.trading.leadership.recovery-retry=300ms",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.pause-entries-at=0",
        "tradepilot.trading.limits.size-reduction.after-losses=0",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols=FA,FB",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=3",
        "tradepilot.trading.strategies[0].params.slow=8",
        "tradepilot.trading.marketdata.speed=3000",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.marketdata.synthetic.trading-days=60"})
@DirtiesContext
class InfrastructureFaultsIT extends IntegrationTestSupport {

    private static final Duration QUICK_ANSWER = Duration.ofSeconds(8);
    private static CloseableDSLContext direct;

    @Autowired EngineHost host;
    @Autowired TradingProperties properties;
    @Autowired DSLContext db;
    @Autowired DataSource dataSource;
    @Autowired JooqLedger ledger;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;

    private final ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor();
    private EngineHost standby;
    private HikariDataSource standbyDataSource;

    @BeforeEach
    void startTradingOnAnEmptyLedger() {
        if (direct == null) {
            direct = DSL.using(infrastructure().directJdbcUrl(), System.getProperty("TRADEPILOT_DB_USER"),
                    System.getProperty("TRADEPILOT_DB_PASSWORD"));
        }
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "faults-it:");
        TradingFixtures.awaitFreshControls(gate);
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(Duration.ofSeconds(60), () -> count("trade_order") >= 4 && count("fill") >= 2, "the engine to trade");
    }

    @AfterEach
    void stopEverything() {
        faults.shutdownNow();
        infrastructure().endFaults();
        if (standby != null) standby.stop();
        if (standbyDataSource != null) standbyDataSource.close();
        host.stop();
    }

    @AfterAll
    static void closeDirectConnection() {
        if (direct != null) direct.close();
        direct = null;
    }

    @Test
    void a_two_second_postgres_stall_is_ridden_out_and_requests_answer_quickly() {
        String token = users.apiToken(users.viewer());
        long before = count("trade_order");

        infrastructure().freezePostgres();
        faults.schedule(infrastructure()::thawPostgres, 2, TimeUnit.SECONDS);
        HttpResponse<String> orders = timed(() -> api(token).get("/api/v1/orders?limit=5"));
        assertThat(orders.statusCode()).isIn(200, 503);
        if (orders.statusCode() == 503) assertDatabaseUnavailable(orders);

        eventually(Duration.ofSeconds(30), () -> host.role() == EngineHost.Role.LEADER && count("trade_order") > before + 3,
                "trading to go on after the stall");
        assertLedgerConsistent();
    }

    @Test
    void a_thirty_second_postgres_stall_stops_the_engine_answers_503_and_trading_resumes_by_itself() {
        String token = users.apiToken(users.viewer());
        infrastructure().freezePostgres();
        var thaw = faults.schedule(infrastructure()::thawPostgres, 30, TimeUnit.SECONDS);

        eventually(Duration.ofSeconds(10), () -> host.role() == EngineHost.Role.RECOVERING && host.snapshot().isEmpty(),
                "the leader to fail closed: engine stopped, no bar, order or fill");
        HttpResponse<String> orders = timed(() -> api(token).get("/api/v1/orders?limit=5"));
        assertDatabaseUnavailable(orders);
        HttpResponse<String> health = timed(() -> api().get("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"engine\":{\"status\":\"OUT_OF_SERVICE\"}").contains("\"db\":{\"status\":\"DOWN\"}");
        assertThat(timed(() -> api().get("/actuator/health/readiness")).statusCode()).isEqualTo(503);
        assertThat(timed(() -> api().get("/actuator/health/liveness")).statusCode()).as("no restart needed").isEqualTo(200);
        long frozenOrders = count("trade_order");
        assertThat(thaw.isDone()).as("still frozen while checking").isFalse();

        eventually(Duration.ofSeconds(60), () -> thaw.isDone() && host.role() == EngineHost.Role.LEADER,
                "the instance to take the lock back after the stall");
        assertThat(host.recovery().mismatches()).isEmpty();
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > frozenOrders + 3, "trading to resume");
        eventuallyDespiteErrors(Duration.ofSeconds(10), () -> api().get("/actuator/health").statusCode() == 200, "health UP again");
        assertLedgerConsistent();
    }

    @Test
    void a_postgres_restart_stops_the_engine_and_it_resumes_from_the_ledger() {
        infrastructure().cutPostgres();
        faults.schedule(infrastructure()::restorePostgres, 3, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(5), () -> host.role() == EngineHost.Role.RECOVERING, "the leader to fail closed");
        long cutOrders = count("trade_order");

        eventually(Duration.ofSeconds(30), () -> host.role() == EngineHost.Role.LEADER, "the instance to lead again");
        assertThat(host.recovery().mismatches()).isEmpty();
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > cutOrders + 3, "trading to resume");
        assertLedgerConsistent();
    }

    @Test
    void redis_stalls_of_2_and_30_seconds_refuse_new_orders_meanwhile_and_trading_resumes() {
        long before = count("trade_order");
        infrastructure().freezeRedis();
        var shortThaw = faults.schedule(infrastructure()::thawRedis, 2, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(30), () -> shortThaw.isDone() && count("trade_order") > before + 3,
                "trading to go on after a short stall");

        infrastructure().freezeRedis();
        var thaw = faults.schedule(infrastructure()::thawRedis, 30, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(15), () -> !(gate.current() instanceof ControlsReading.Known), "the controls to read as unknown");
        eventually(Duration.ofSeconds(25), () -> rejectedAsUnknown() > 0, "new orders refused while the controls are unknown");
        assertThat(host.role()).as("Redis is not the leader's lock").isEqualTo(EngineHost.Role.LEADER);
        assertThat(thaw.isDone()).as("still frozen while checking").isFalse();
        eventually(Duration.ofSeconds(60), thaw::isDone, "the end of the stall");
        long thawed = count("trade_order");
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > thawed + 3, "trading to resume after the long stall");
        assertLedgerConsistent();
    }

    @Test
    void a_redis_restart_refuses_new_orders_meanwhile_and_trading_resumes() {
        infrastructure().cutRedis();
        var restore = faults.schedule(this::endRedisOutage, 5, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(15), () -> rejectedAsUnknown() > 0, "new orders refused while Redis is gone");
        eventually(Duration.ofSeconds(30), restore::isDone, "Redis back");
        long back = count("trade_order");
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > back + 3, "trading to resume");
        assertLedgerConsistent();
    }

    @Test
    void when_the_leader_is_cut_off_the_database_the_standby_takes_over_and_only_one_ever_writes() {
        standbyDataSource = new HikariDataSource();
        standbyDataSource.setJdbcUrl(infrastructure().directJdbcUrl());
        standbyDataSource.setUsername(System.getProperty("TRADEPILOT_DB_USER"));
        standbyDataSource.setPassword(System.getProperty("TRADEPILOT_DB_PASSWORD"));
        standbyDataSource.setMaximumPoolSize(4);
        standby = new EngineHost(properties, ledgerOn(standbyDataSource), new LeaderLock(standbyDataSource, properties.leaderLockKey()),
                gate, controlEvents, controls, clock, StrategySwitches.NONE, BarCache.NONE,
                new LeadershipProperties(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(300)));
        standby.start();
        assertThat(standby.role()).isEqualTo(EngineHost.Role.STANDBY);

        infrastructure().cutPostgres();
        eventually(Duration.ofSeconds(15), () -> standby.role() == EngineHost.Role.LEADER, "the standby to take over");
        eventually(Duration.ofSeconds(5), () -> host.role() == EngineHost.Role.RECOVERING && host.snapshot().isEmpty(),
                "the old leader's engine to be stopped");
        long takeover = count("trade_order");
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > takeover + 3, "the new leader to trade");

        infrastructure().restorePostgres();
        eventually(Duration.ofSeconds(15), () -> host.role() == EngineHost.Role.STANDBY, "the old leader to become a standby");
        assertThat(standby.role()).isEqualTo(EngineHost.Role.LEADER);
        assertThat(standby.recovery().mismatches()).isEmpty();
        long later = count("trade_order");
        eventually(Duration.ofSeconds(30), () -> count("trade_order") > later + 3, "trading to go on under the new leader");
        assertThat(direct.fetchValue("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND objid::bigint = ?",
                properties.leaderLockKey())).as("one session holds the leader lock").isEqualTo(1L);
        assertLedgerConsistent();
    }

    @Test
    void a_leader_that_lost_its_lock_cannot_write_to_the_ledger() {
        host.stop();
        LeaderLock lock = new LeaderLock(dataSource, 880_007);
        assertThat(lock.tryAcquire()).isEqualTo(LeaderLock.Attempt.ACQUIRED);
        LeaderLock.LedgerFence fence = lock.fence();
        ledger.write(List.of(), s -> null, properties.marketZone(), 1, fence);

        direct.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND objid::bigint = 880007");
        eventuallyDespiteErrors(Duration.ofSeconds(5), () -> {
            try {
                ledger.write(List.of(), s -> null, properties.marketZone(), 1, fence);
                return false;
            } catch (LeaderLock.LeadershipLostException expected) {
                return true;
            }
        }, "the fence to refuse the write");
        lock.abandon();
    }

    // ------------------------------------------------------------------------------ helpers

    private static <T> T timed(Supplier<T> call) {
        long started = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within a few seconds").isLessThan(QUICK_ANSWER);
        return result;
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
    }

    private long count(String table) {
        return direct.fetchCount(DSL.table(table));
    }

    private long rejectedAsUnknown() {
        return direct.fetchCount(DSL.table("order_event"), DSL.condition("event_type = 'REJECTED' AND detail LIKE 'TRADING_STATE_UNKNOWN%'"));
    }

    /** Nothing lost or written twice: ids unique, fills numbered without a gap, positions and orders explained by fills. */
    private void assertLedgerConsistent() {
        assertThat(direct.fetchValue("SELECT count(*) - count(DISTINCT client_order_id) FROM trade_order")).as("duplicate client order ids").isEqualTo(0L);
        assertThat(direct.fetchValue("SELECT count(*) - coalesce(max(seq), 0) FROM fill")).as("fill numbers without a gap").isEqualTo(0L);
        assertThat(direct.fetchValue("SELECT count(*) FROM position p WHERE p.quantity <> (SELECT coalesce(sum(CASE WHEN f.side = 'BUY'"
                + " THEN f.quantity ELSE -f.quantity END), 0) FROM fill f WHERE f.symbol = p.symbol)")).as("positions not explained by fills").isEqualTo(0L);
        assertThat(direct.fetchValue("SELECT count(*) FROM trade_order o WHERE o.filled_quantity <> (SELECT coalesce(sum(f.quantity), 0)"
                + " FROM fill f WHERE f.order_id = o.order_id)")).as("orders whose filled quantity differs from their fills").isEqualTo(0L);
        assertThat(direct.fetchValue("SELECT count(*) FROM order_event WHERE event_type = 'ACCEPTED'"))
                .as("one ACCEPTED event per order").isEqualTo(direct.fetchValue("SELECT count(*) FROM trade_order"));
        assertThat(direct.fetchValue("SELECT count(*) FROM order_event WHERE event_type = 'FILLED'"))
                .as("one FILLED event per fill").isEqualTo(direct.fetchValue("SELECT count(*) FROM fill"));
    }

    private static JooqLedger ledgerOn(DataSource dataSource) {
        return new JooqLedger(DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
