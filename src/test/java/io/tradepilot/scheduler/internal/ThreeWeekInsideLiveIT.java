package io.tradepilot.scheduler.internal;

import io.tradepilot.controls.TradingGate;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.SetupLine;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingQueries;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.SCAN_SETUP;
import static io.tradepilot.db.Tables.SETUP_EXIT;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 3WI live path on the bundled fixture (src/test/resources/scheduler/scan3wi: CCC and EEE broke out of a
 * three-week-inside on a complete week), end to end on real PostgreSQL and Redis with the context's own engine host
 * trading the synthetic market, at most one position open ({@code max-open-positions=1}):
 * <ol>
 *   <li>with another position open, CCC's qualified entry is refused by the risk chain (MAX_OPEN_POSITIONS →
 *       RISK_REJECTED) and recorded NOT_TAKEN with that reason; EEE (not traded by the engine) is refused too;</li>
 *   <li>once that position is closed, a rerun enters CCC once, with its stop; reruns and an engine restart enter
 *       nothing more;</li>
 *   <li>the exit watch books target 1 (half) when a bar reaches it, once; the tracker's exit finding closes the rest
 *       through the same path, once however often it runs; the trade ends EXITED, its exits on the Setups query.</li>
 * </ol>
 */
@TestPropertySource(locations = "classpath:trading/idle-synthetic-engine.properties", properties = {
        "tradepilot.controls.key-prefix=threewi-live-it:",
        "tradepilot.scheduler.enabled=false",
        "tradepilot.scheduler.scans.move-stops=false", // this class proves the targets and the tracker; SetupStopsIT the moved stops
        "tradepilot.scheduler.scans.folder=src/test/resources/scheduler/scan3wi",
        "tradepilot.scheduler.scans.capital=20000",
        "tradepilot.scheduler.scans.place-orders=true",
        "tradepilot.scheduler.scans.exit-watch=200ms",
        "tradepilot.trading.bar-cache.key-prefix=threewi-live-it:bars:",
        "tradepilot.trading.limits.max-open-positions=1",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.leader-lock-key=880146"})
@DirtiesContext
class ThreeWeekInsideLiveIT extends IntegrationTestSupport {

    private static final String CCC = "3wi-v1:CCC:2025-01-13";
    private static final Duration LONG = Duration.ofSeconds(60);

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired TaskRunner runner;
    @Autowired SchedulerQueries queries;
    @Autowired StrategyOrders strategyOrders;
    @Autowired TradingQueries trading;
    @Autowired List<ScheduledTask> tasks;

    @BeforeEach
    void startTheHost() {
        TradingFixtures.emptyLedger(db);
        db.execute("TRUNCATE scan_setup, scan_result, job_run, setup_exit, near_breakout, position_check");
        TradingFixtures.deleteKeys(redis, "threewi-live-it:");
        TradingFixtures.awaitFreshControlsTradingActive(gate);
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(LONG, () -> position("CCC").isEmpty() && mark("CCC") != null && mark("DDD") != null, "the first bars");
    }

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    @Test
    void a_risk_refusal_then_one_entry_with_its_stop_then_target_one_and_the_tracker_exit_each_placed_once() throws Exception {
        long exitsAuditedBefore = exitsAudited(); // the audit log is append-only: other classes' rows stay
        // 1. another position fills the one slot: the qualified CCC setup is refused by the risk chain
        place("DDD", "BUY", "1", mark("DDD").multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.DOWN));
        eventually(LONG, () -> position("DDD").isPresent(), "DDD open");
        assertThat(scan().detail()).contains("2 breakouts", "0 entries placed");
        var refused = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq(CCC)).fetchOne();
        assertThat(refused.getState()).isEqualTo("REFUSED");
        assertThat(refused.getReason()).startsWith("refused: RISK_REJECTED: ").contains("maximum is 1");
        assertThat(entries()).as("no accepted 3wi entry").isEmpty();
        Map<String, SetupLine> day = lines();
        assertThat(day.get("CCC").state()).isEqualTo("NOT_TAKEN");
        assertThat(day.get("CCC").reason()).contains("RISK_REJECTED");
        assertThat(day.get("EEE").state()).isEqualTo("NOT_TAKEN");

        // 2. the slot frees: a rerun enters CCC once, with its stop and the plan's targets recorded
        place("DDD", "SELL", "1", null);
        eventually(LONG, () -> position("DDD").isEmpty(), "DDD closed");
        assertThat(scan().detail()).contains("1 entries placed");
        List<String> entries = entries();
        assertThat(entries).hasSize(1);
        String entry = entries.getFirst();
        eventually(LONG, () -> db.fetchCount(FILL, FILL.ORDER_ID.eq(entry)) > 0, "the entry filled");
        assertThat(db.select(FILL.PROTECTIVE_STOP).from(FILL).where(FILL.ORDER_ID.eq(entry)).fetch(FILL.PROTECTIVE_STOP))
                .allSatisfy(stop -> assertThat(stop).isEqualByComparingTo("920.00"));
        var taken = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq(CCC)).fetchOne();
        assertThat(taken.getState()).isEqualTo("TAKEN");
        assertThat(taken.getStop()).isEqualByComparingTo("920.00");
        assertThat(taken.getTarget1()).isEqualByComparingTo("1147.025"); // 1010.81 + 1.5 × 90.81
        assertThat(taken.getTarget2()).isEqualByComparingTo("1283.24");
        assertThat(taken.getExitState()).isEqualTo("OPEN");
        assertThat(scan().detail()).contains("0 entries placed");
        assertHeatCountsTheStop();
        host.stop();
        host.start();
        eventually(LONG, () -> position("CCC").isPresent(), "the engine back with CCC's position");
        assertHeatCountsTheStop(); // the recovered position keeps its protective stop
        assertThat(scan().detail()).as("a rerun after a restart").contains("0 entries placed");
        assertThat(entries()).containsExactly(entry);
        assertThat(position("CCC").orElseThrow().quantity()).isEqualByComparingTo("3");

        // 3a. a bar reaches target 1 (moved within the market's reach): half is booked, once
        db.update(SCAN_SETUP).set(SCAN_SETUP.TARGET1, mark("CCC").subtract(new BigDecimal("50"))).where(SCAN_SETUP.SETUP_ID.eq(CCC)).execute();
        eventually(LONG, () -> position("CCC").map(p -> p.quantity().compareTo(new BigDecimal("2")) == 0).orElse(false), "target 1 booked");
        var book = db.selectFrom(SETUP_EXIT).where(SETUP_EXIT.SETUP_ID.eq(CCC).and(SETUP_EXIT.KIND.eq("BOOK"))).fetchOne();
        assertThat(book.getTrigger()).isEqualTo("TARGET1");
        assertThat(book.getQuantity()).isEqualByComparingTo("1");
        assertThat(book.getOrderId()).isNotNull();

        // 3b. the tracker's exit finding closes the rest through the same path, once
        PositionTrackerTask tracker = (PositionTrackerTask) tasks.stream().filter(t -> t.name().equals(PositionTrackerTask.NAME))
                .findFirst().orElseThrow();
        LivePortfolio.Position held = position("CCC").orElseThrow();
        String first = tracker.act(held, "exit", "-6.50 %");
        assertThat(first).startsWith("TRACKER: SELL 2 CCC MARKET, order ");
        assertThat(tracker.act(held, "exit", "-6.50 %")).as("a rerun of the hour").isEqualTo("EXIT already placed for " + CCC);
        eventually(LONG, () -> position("CCC").isEmpty(), "CCC flat");
        eventually(LONG, () -> "EXITED".equals(db.select(SCAN_SETUP.EXIT_STATE).from(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq(CCC))
                .fetchOne(SCAN_SETUP.EXIT_STATE)), "the trade recorded EXITED");
        assertThat(tracker.act(held, "exit", "-6.50 %")).as("after the trade ended").isEqualTo("alert only: not a trade the 3WI scan entered");

        var exitOrders = db.selectFrom(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq("3wi").and(TRADE_ORDER.SIDE.eq("SELL"))).fetch();
        assertThat(exitOrders).as("one booking, one exit").hasSize(2);
        assertThat(exitOrders.stream().map(o -> o.getQuantity().stripTrailingZeros().toPlainString()).sorted().toList()).containsExactly("1", "2");
        assertThat(exitsAudited() - exitsAuditedBefore).as("each exit audited").isEqualTo(2);
        SetupLine line = lines().get("CCC");
        assertThat(line.state()).isEqualTo("EXITED");
        assertThat(line.orderId()).isEqualTo(entry);
        assertThat(line.exits()).hasSize(2).anySatisfy(e -> assertThat(e).startsWith("BOOK TARGET1 SELL 1 PLACED order "))
                .anySatisfy(e -> assertThat(e).startsWith("EXIT TRACKER SELL 2 PLACED order "));
    }

    /** The engine's heat counts CCC's 3 shares down to their stop, 920.00 (without a stop it would be their whole value). */
    private long exitsAudited() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ORDER_STRATEGY").and(AUDIT_EVENT.USERNAME.eq("strategy:3wi"))
                .and(AUDIT_EVENT.REASON.contains("exit of setup " + CCC)));
    }

    private void assertHeatCountsTheStop() {
        LivePortfolio now = trading.livePortfolio().orElseThrow();
        LivePortfolio.Position ccc = now.positions().stream().filter(p -> p.symbol().equals("CCC")).findFirst().orElseThrow();
        assertThat(now.openRisk()).as("heat = 3 × (mark − 920.00)")
                .isEqualByComparingTo(ccc.mark().subtract(new BigDecimal("920.00")).multiply(new BigDecimal("3")));
    }

    private ScheduledTask.Result scan() throws Exception {
        return runner.run("scan-3wi-NSE", ScanTask.NAME, "NSE", clock.instant());
    }

    private Map<String, SetupLine> lines() {
        LocalDate asOf = queries.latestScan().orElseThrow().asOf();
        return queries.setups(asOf).stream().collect(Collectors.toMap(SetupLine::symbol, Function.identity()));
    }

    /** The accepted (not rejected) entry orders of strategy 3wi. */
    private List<String> entries() {
        return db.select(TRADE_ORDER.ORDER_ID).from(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq("3wi").and(TRADE_ORDER.SIDE.eq("BUY"))
                .and(TRADE_ORDER.STATUS.ne("REJECTED"))).fetch(TRADE_ORDER.ORDER_ID);
    }

    private void place(String symbol, String side, String quantity, BigDecimal stop) {
        ActionResult r = strategyOrders.place("other", new ManualOrder(symbol, side, new BigDecimal(quantity), "MARKET", null, null, "DAY", stop),
                "test position", "test", 0);
        assertThat(r).as("placed: " + r).isInstanceOf(ActionResult.Done.class);
    }

    private Optional<LivePortfolio.Position> position(String symbol) {
        return trading.livePortfolio().flatMap(p -> p.positions().stream().filter(x -> x.symbol().equals(symbol)).findFirst());
    }

    private BigDecimal mark(String symbol) {
        return TradingFixtures.mark(host, symbol);
    }
}
