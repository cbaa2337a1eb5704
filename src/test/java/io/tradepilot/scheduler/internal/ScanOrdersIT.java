package io.tradepilot.scheduler.internal;

import io.tradepilot.controls.TradingGate;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.internal.EngineHost;
import io.tradepilot.trading.internal.TradingFixtures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.SCAN_SETUP;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled 3WI scan entering its setups, end to end on real PostgreSQL and Redis with the context's own engine
 * host trading the synthetic market: the fixture folder (src/test/resources/scheduler/scan3wi) holds one weekly
 * breakout on a complete week for CCC (traded by the engine) and the same for EEE (which the engine does not trade).
 * The scan places exactly one entry, CCC's, through the live order path as strategy 3wi with the plan's stop as its
 * protective stop; EEE's is refused by the order checks and recorded with the code; a second run of the scan places
 * nothing new and says the setup is already taken.
 */
@TestPropertySource(locations = "classpath:trading/idle-synthetic-engine.properties", properties = {
        "tradepilot.controls.key-prefix=scan-orders-it:",
        "tradepilot.scheduler.enabled=false",
        "tradepilot.scheduler.scans.folder=src/test/resources/scheduler/scan3wi",
        "tradepilot.scheduler.scans.capital=20000",
        "tradepilot.scheduler.scans.place-orders=true",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.leader-lock-key=880126"})
@DirtiesContext
class ScanOrdersIT extends IntegrationTestSupport {

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired TaskRunner runner;
    @Autowired SchedulerQueries queries;
    @Autowired SchedulerStore store;

    @BeforeEach
    void startTheHost() {
        // the ledger and the stored strategy configurations (an earlier test class's would win over this class's properties)
        TradingFixtures.emptyLedger(db);
        db.execute("TRUNCATE scan_setup, scan_result, job_run");
        TradingFixtures.deleteKeys(redis, "scan-orders-it:");
        TradingFixtures.awaitFreshControlsTradingActive(gate);
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(Duration.ofSeconds(60), () -> mark("CCC") != null, "the first bars");
    }

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    @Test
    void a_qualified_setup_becomes_exactly_one_entry_with_its_stop_and_a_rerun_places_nothing_new() throws Exception {
        long auditedBefore = strategyOrdersAudited(); // other classes' 3wi orders stay in the append-only audit log
        ScheduledTask.Result first = runner.run("scan-3wi-NSE", ScanTask.NAME, "NSE", clockNow());
        assertThat(first.detail()).contains("2 breakouts", "1 entries placed");

        var orders = db.selectFrom(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq("3wi")).fetch();
        assertThat(orders).as("one entry, CCC's").hasSize(1);
        var order = orders.getFirst();
        assertThat(order.getSymbol()).isEqualTo("CCC");
        assertThat(order.getSide()).isEqualTo("BUY");
        assertThat(order.getQuantity()).isEqualByComparingTo("3"); // 1.5 % of 20,000 / (1010.81 - 920.00)
        assertThat(order.getClientOrderId()).startsWith("3wi:CCC:");
        assertThat(strategyOrdersAudited() - auditedBefore).as("audited like every strategy order").isEqualTo(1);
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(FILL, FILL.ORDER_ID.eq(order.getOrderId())) > 0, "the entry filled");
        assertThat(db.select(FILL.PROTECTIVE_STOP).from(FILL).where(FILL.ORDER_ID.eq(order.getOrderId())).fetch(FILL.PROTECTIVE_STOP))
                .allSatisfy(stop -> assertThat(stop).isEqualByComparingTo("920.00"));

        var ccc = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq("3wi-v1:CCC:2025-01-13")).fetchOne();
        assertThat(ccc.getState()).isEqualTo("TAKEN");
        assertThat(ccc.getOrderId()).isEqualTo(order.getOrderId());
        var eee = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq("3wi-v1:EEE:2025-01-13")).fetchOne();
        assertThat(eee.getState()).isEqualTo("REFUSED");
        assertThat(eee.getReason()).startsWith("refused: ");
        Map<String, ScanReport.Row> shown = rows();
        assertThat(shown.get("CCC").decision()).isEqualTo("TAKEN");
        assertThat(shown.get("CCC").orderId()).isEqualTo(order.getOrderId());
        assertThat(shown.get("EEE").decision()).isEqualTo("REFUSED");

        ScheduledTask.Result again = runner.run("scan-3wi-NSE", ScanTask.NAME, "NSE", clockNow());
        assertThat(again.detail()).contains("0 entries placed");
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("3wi"))).as("the rerun placed nothing new").isEqualTo(1);
        assertThat(db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq("3wi-v1:CCC:2025-01-13")).fetchOne().getOrderId())
                .isEqualTo(order.getOrderId());
        Map<String, ScanReport.Row> rerun = rows();
        assertThat(rerun.get("CCC").decision()).isEqualTo("SKIPPED");
        assertThat(rerun.get("CCC").reason()).isEqualTo("already taken: order " + order.getOrderId());
        assertThat(rerun.get("EEE").decision()).as("a refused setup is tried again, and refused again").isEqualTo("REFUSED");

        // the claim itself: once per setup id, whoever asks (another instance, a restart)
        assertThat(store.claimSetup("3wi-v1:CCC:2025-01-13", "CCC", LocalDate.of(2025, 1, 13), 99, "x", clock.instant())).isFalse();
        assertThat(store.claimSetup("3wi-v1:ZZZ:2025-01-13", "ZZZ", LocalDate.of(2025, 1, 13), 99, "x", clock.instant())).isTrue();
        assertThat(store.claimSetup("3wi-v1:ZZZ:2025-01-13", "ZZZ", LocalDate.of(2025, 1, 13), 99, "x", clock.instant())).isFalse();
        assertThat(store.setupSkipped("3wi-v1:ZZZ:2025-01-13", "ZZZ", LocalDate.of(2025, 1, 13), 99, "y",
                clock.instant())).as("a TAKEN setup stays TAKEN").isFalse();
    }

    private Map<String, ScanReport.Row> rows() {
        return queries.latestScan().orElseThrow().rows().stream().collect(Collectors.toMap(ScanReport.Row::symbol, Function.identity()));
    }

    private java.time.Instant clockNow() {
        return clock.instant();
    }

    private BigDecimal mark(String symbol) {
        return TradingFixtures.mark(host, symbol);
    }

    private long strategyOrdersAudited() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ORDER_STRATEGY").and(AUDIT_EVENT.USERNAME.eq("strategy:3wi"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")));
    }
}
