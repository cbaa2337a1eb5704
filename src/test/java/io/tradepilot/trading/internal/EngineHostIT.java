package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventually;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.EQUITY_SNAPSHOT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.ORDER_EVENT;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine hosted in the application on real PostgreSQL and Redis, fed by an accelerated synthetic
 * market. The context's own host is disabled (as in every IT); each test builds hosts with the
 * settings it needs on the context's ledger, controls and clock, so a test can also stop one and
 * start another on the same database.
 */
@TestPropertySource(properties = "tradepilot.controls.key-prefix=trading-it:")
@DirtiesContext
class EngineHostIT extends IntegrationTestSupport {

    private static final long LOCK_KEY = 880_001;

    @Autowired JooqLedger ledger;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;
    @Autowired DataSource dataSource;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingProperties configured;
    @Autowired TradingQueries queries;

    private final List<EngineHost> hosts = new ArrayList<>();

    @BeforeEach
    void startFromAnEmptyLedgerAndFreshControls() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "trading-it:");
        TradingFixtures.awaitFreshControls(gate);
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(EngineHost::stop);
    }

    @Test
    void the_application_configures_sma_cross_on_synthetic_nse_symbols_with_the_alpha_prime_limits() {
        assertThat(configured.strategies()).isNotEmpty();
        assertThat(configured.strategies().getFirst().name()).isEqualTo("sma-cross");
        assertThat(configured.strategies().getFirst().symbols()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(configured.limits().dailyLoss()).isEqualByComparingTo("0.018");
        assertThat(configured.limits().drawdown()).isEqualByComparingTo("0.035");
        assertThat(configured.limits().consecutiveLosses()).isEqualTo(5);
        assertThat(configured.limits().pauseEntriesAt()).isEqualByComparingTo("0.5");
        assertThat(configured.marketdata().source()).isEqualTo(TradingProperties.Source.SYNTHETIC);
        assertThat(configured.enabled()).as("disabled in integration tests").isFalse();
    }

    @Test
    void strategies_open_and_close_positions_and_the_ledger_matches_the_engine_exactly() {
        EngineHost host = start(settings(0, (BigDecimal) null));
        runToTheEnd(host);
        EngineSnapshot snapshot = host.snapshot().orElseThrow();

        assertThat(db.fetchCount(ROUND_TRIP)).as("round trips").isGreaterThan(3);
        assertLedgerMatches(snapshot);
        assertThat(snapshot.portfolio().cash()).isEqualByComparingTo(cashFromFills());
        EquityPoint last = queries.equity(1).getFirst();
        assertThat(last.equity()).isEqualByComparingTo(snapshot.portfolio().equity());
        assertThat(last.cash()).isEqualByComparingTo(snapshot.portfolio().cash());
        assertNoDuplicateClientOrderIds();
        var live = new LedgerQueries(ledger, host).livePortfolio().orElseThrow();
        assertThat(live.equity()).isEqualByComparingTo(snapshot.portfolio().equity());
        assertThat(live.dayPnl()).isEqualByComparingTo(snapshot.portfolio().equity().subtract(snapshot.portfolio().dayStartEquity()));
        assertThat(live.positions()).extracting(LivePortfolio.Position::symbol)
                .containsExactlyInAnyOrderElementsOf(queries.openPositions().stream().map(LedgerPosition::symbol).toList());
        assertThat(db.fetchCount(ORDER_EVENT, ORDER_EVENT.EVENT_TYPE.eq("ACCEPTED"))).isEqualTo(db.fetchCount(TRADE_ORDER));
        assertThat(db.fetchCount(ORDER_EVENT, ORDER_EVENT.EVENT_TYPE.eq("FILLED"))).isEqualTo(db.fetchCount(FILL));
        var days = queries.strategyDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(days).isNotEmpty().allSatisfy(d -> assertThat(d.strategy()).isIn("sma-cross", "engine"));
        assertThat(days.stream().mapToInt(d -> d.trades()).sum()).isEqualTo(db.fetchCount(ROUND_TRIP));
        assertThat(days.stream().map(d -> d.netPnl()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(db.select(DSL.sum(ROUND_TRIP.NET_PNL)).from(ROUND_TRIP).fetchOne().value1());
        BigDecimal realized = snapshot.portfolio().positions().stream().filter(p -> p.quantity().signum() == 0)
                .map(PositionSnapshot::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal flatGross = db.select(DSL.sum(ROUND_TRIP.GROSS_PNL)).from(ROUND_TRIP)
                .where(ROUND_TRIP.SYMBOL.in(snapshot.portfolio().positions().stream().filter(p -> p.quantity().signum() == 0)
                        .map(PositionSnapshot::symbol).toList())).fetchOne().value1();
        assertThat(realized).as("average-cost realized P&L of flat symbols equals their round trips' gross P&L")
                .isEqualByComparingTo(flatGross == null ? BigDecimal.ZERO : flatGross);
    }

    @Test
    void a_restart_after_a_crash_rebuilds_cash_and_positions_and_ends_where_an_uninterrupted_run_ends() {
        EngineHost reference = start(settings(0, (BigDecimal) null));
        runToTheEnd(reference);
        EngineSnapshot uninterrupted = reference.snapshot().orElseThrow();
        reference.stop();
        startFromAnEmptyLedgerAndFreshControls();

        EngineHost first = start(settings(10_000, (BigDecimal) null));
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(ROUND_TRIP) >= 2, "two round trips before the crash");
        assertThat(first.feedFinished()).as("crash mid-run").isFalse();
        first.halt();
        BigDecimal recordedCash = cashFromFills();

        EngineHost second = start(settings(0, (BigDecimal) null));
        assertThat(second.recovery().fills()).isPositive();
        assertThat(second.recovery().mismatches()).isEmpty();
        // the rebuilt cash, before the feed resumed: a snapshot now may already hold the resumed feed's fills
        assertThat(second.recovery().cash()).isEqualByComparingTo(recordedCash);
        runToTheEnd(second);

        EngineSnapshot end = second.snapshot().orElseThrow();
        assertThat(end.portfolio().cash()).isEqualByComparingTo(uninterrupted.portfolio().cash());
        assertThat(positions(end)).isEqualTo(positions(uninterrupted));
        assertLedgerMatches(end);
        assertNoDuplicateClientOrderIds();
    }

    @Test
    void after_a_halt_and_restart_drawdown_daily_loss_and_the_loss_streak_continue_exactly_as_in_an_uninterrupted_run() {
        // size reduction after every single loss, restored by one win: the streak changes often, so a
        // streak lost in the restart would change later entries and the end positions
        var sizing = new TradingProperties.SizeReduction(1, new BigDecimal("0.5"), 1);
        EngineHost reference = start(settings(0, sizing));
        runToTheEnd(reference);
        EngineSnapshot uninterrupted = reference.snapshot().orElseThrow();
        Map<Instant, String> referenceSteps = riskBySteps();
        reference.stop();
        assertThat(db.fetchCount(ORDER_EVENT, ORDER_EVENT.EVENT_TYPE.eq("ACCEPTED"))).isPositive();
        startFromAnEmptyLedgerAndFreshControls();

        EngineHost first = start(settings(10_000, sizing));
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(ROUND_TRIP) >= 3 && db.fetchCount(EQUITY_SNAPSHOT) >= 100,
                "round trips and a trading day or more before the crash");
        assertThat(first.feedFinished()).as("crash mid-run").isFalse();
        first.halt();
        int stepsBeforeRestart = db.fetchCount(EQUITY_SNAPSHOT);

        EngineHost second = start(settings(0, sizing));
        assertThat(second.recovery().mismatches()).isEmpty();
        runToTheEnd(second);
        EngineSnapshot end = second.snapshot().orElseThrow();

        assertThat(riskBySteps()).as("every step's equity, peak, drawdown and day-start equity")
                .hasSize(referenceSteps.size()).isEqualTo(referenceSteps);
        assertThat(stepsBeforeRestart).isLessThan(referenceSteps.size());
        assertThat(end.portfolio().peakEquity()).isEqualByComparingTo(uninterrupted.portfolio().peakEquity());
        assertThat(end.portfolio().drawdown()).isEqualByComparingTo(uninterrupted.portfolio().drawdown());
        assertThat(end.portfolio().dayStartEquity()).isEqualByComparingTo(uninterrupted.portfolio().dayStartEquity());
        assertThat(end.lossStreak()).isEqualTo(uninterrupted.lossStreak());
        assertThat(end.portfolio().cash()).isEqualByComparingTo(uninterrupted.portfolio().cash());
        assertThat(positions(end)).isEqualTo(positions(uninterrupted));
        assertNoDuplicateClientOrderIds();
    }

    /** Equity, peak, drawdown and day-start equity of every recorded time step, as exact strings. */
    private Map<Instant, String> riskBySteps() {
        Map<Instant, String> out = new java.util.TreeMap<>();
        for (var r : db.selectFrom(EQUITY_SNAPSHOT).fetch()) {
            out.put(r.getAt(), r.getEquity().stripTrailingZeros().toPlainString() + " peak " + r.getPeakEquity().stripTrailingZeros().toPlainString()
                    + " dd " + r.getDrawdown().stripTrailingZeros().toPlainString() + " day " + r.getDayStartEquity().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    @Test
    void the_kill_switch_cancels_working_orders_and_refuses_new_ones() {
        EngineHost host = start(settings(0, (BigDecimal) null));
        runToTheEnd(host);
        Instrument aaa = Instrument.nseEquity("AAA");
        host.send(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("manual:AAA:1:B:0"), StrategyId.MANUAL, aaa,
                Side.BUY, Quantity.of(10), Price.of("1.00"), TimeInForce.GTC)));
        eventually(Duration.ofSeconds(10), () -> queries.orders(true, 10).size() == 1, "a working order in the ledger");

        ControlResult engaged = users.as(users.operator(), () -> controls.engageKillSwitch("test: kill switch cancels working orders"));
        assertThat(engaged).isInstanceOf(ControlResult.Applied.class);

        eventually(Duration.ofSeconds(10), () -> queries.orders(true, 10).isEmpty(), "the working order cancelled");
        LedgerOrder cancelled = queries.orders(false, 1).getFirst();
        assertThat(cancelled.clientOrderId()).isEqualTo("manual:AAA:1:B:0");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.statusReason()).contains("kill switch");

        host.send(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("manual:AAA:2:B:0"), StrategyId.MANUAL, aaa,
                Side.BUY, Quantity.of(10), Price.of("1.00"), TimeInForce.GTC)));
        eventually(Duration.ofSeconds(10), () -> db.fetchCount(ORDER_EVENT, ORDER_EVENT.CLIENT_ORDER_ID.eq("manual:AAA:2:B:0")
                .and(ORDER_EVENT.EVENT_TYPE.eq("REJECTED")).and(ORDER_EVENT.DETAIL.startsWith("KILL_SWITCH_ENGAGED"))) == 1,
                "the new order refused");
    }

    @Test
    void the_daily_loss_limit_trips_the_circuit_breaker_as_the_system() {
        EngineHost host = start(settings(0, new BigDecimal("0.0002")));
        eventually(Duration.ofSeconds(60), () -> gate.current() instanceof ControlsReading.Known k && k.circuitBreaker().tripped(),
                "the breaker tripped");
        var known = (ControlsReading.Known) gate.current();
        assertThat(known.circuitBreaker().tripReason()).contains(TripReason.DAILY_LOSS_EXCEEDED);
        assertThat(known.circuitBreaker().lastChange().orElseThrow().user()).isEqualTo("system");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq("system").and(AUDIT_EVENT.ACTION.eq("CIRCUIT_BREAKER_TRIP"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")).and(AUDIT_EVENT.OCCURRED_AT.gt(Instant.EPOCH)))).isGreaterThanOrEqualTo(1);
        assertThat(host.snapshot().orElseThrow().state().name()).isEqualTo("TRIPPED");

        // the engine's own trip lasts until the controls release it: the breaker's reset, heard through the port
        runToTheEnd(host);
        assertThat(host.status().engineState()).isEqualTo("TRIPPED");
        ControlResult reset = users.as(users.operator(), () -> controls.resetCircuitBreaker("test: the daily loss was looked into", true));
        assertThat(reset).isInstanceOf(ControlResult.Applied.class);
        eventually(Duration.ofSeconds(10), () -> host.snapshot().orElseThrow().state().name().equals("RUNNING")
                && "RUNNING".equals(host.status().engineState()), "the engine's trip released by the reset");
    }

    @Test
    void no_bar_for_longer_than_the_limit_trips_the_circuit_breaker_with_data_stale() {
        EngineHost host = start(settings(0, (BigDecimal) null));
        runToTheEnd(host);
        clock.advance(Duration.ofMinutes(11));
        eventually(Duration.ofSeconds(10), () -> gate.current() instanceof ControlsReading.Known k && k.circuitBreaker().tripped(),
                "the breaker tripped");
        var known = (ControlsReading.Known) gate.current();
        assertThat(known.circuitBreaker().tripReason()).contains(TripReason.DATA_STALE);
        assertThat(known.circuitBreaker().lastChange().orElseThrow().user()).isEqualTo("system");
    }

    @Test
    void only_one_host_runs_the_engine_the_other_stays_standby() {
        EngineHost leader = start(settings(1, (BigDecimal) null));
        EngineHost other = start(settings(1, (BigDecimal) null));
        assertThat(leader.role()).isEqualTo(EngineHost.Role.LEADER);
        assertThat(other.role()).isEqualTo(EngineHost.Role.STANDBY);
        assertThat(other.snapshot()).isEmpty();
        assertThat(other.status().role()).isEqualTo("STANDBY");
        assertThat(new LedgerQueries(ledger, other).livePortfolio()).isEmpty();
        leader.stop();
        assertThat(leader.role()).isEqualTo(EngineHost.Role.STOPPED);
    }

    @Test
    void a_standby_serves_the_ledgers_positions_marked_at_the_bar_caches_closes() {
        try (RedisBarCache cache = new RedisBarCache(redis, new BarCacheProperties(true, 50, "trading-it:bars:", 10_000))) {
            // two synthetic days (seed 7) end long in both symbols
            EngineHost leader = new EngineHost(twoDays(settings(0, (BigDecimal) null)), ledger,
                    new LeaderLock(dataSource, LOCK_KEY), gate, controlEvents, controls, clock, cache);
            hosts.add(leader);
            leader.start();
            runToTheEnd(leader);
            EngineHost standby = start(twoDays(settings(0, (BigDecimal) null)));
            assertThat(standby.role()).isEqualTo(EngineHost.Role.STANDBY);
            var engine = leader.snapshot().orElseThrow().portfolio();
            var open = engine.positions().stream().filter(p -> p.quantity().signum() != 0).toList();
            assertThat(open).as("the run ends holding positions").isNotEmpty();
            eventually(Duration.ofSeconds(10), () -> open.stream().allMatch(p -> cache.latestClose(p.symbol())
                    .map(c -> c.compareTo(p.mark()) == 0).orElse(false)), "the cache to hold the last closes");

            LedgerQueries standbyQueries = new LedgerQueries(ledger, standby, cache);
            assertThat(standbyQueries.livePortfolio()).as("no engine here").isEmpty();
            LivePortfolio p = standbyQueries.portfolio().orElseThrow();

            assertThat(p.source()).isEqualTo(LivePortfolio.Source.BAR_CACHE);
            assertThat(p.fromEngine()).isFalse();
            assertThat(p.engineState()).isEqualTo(LivePortfolio.UNKNOWN);
            assertThat(p.openRisk()).as("stops are not in the ledger").isNull();
            assertThat(p.positions()).hasSameSizeAs(open);
            BigDecimal unrealized = BigDecimal.ZERO;
            for (var e : open) {
                var s = p.positions().stream().filter(x -> x.symbol().equals(e.symbol())).findFirst().orElseThrow();
                assertThat(s.quantity()).isEqualByComparingTo(e.quantity());
                assertThat(s.averagePrice()).isEqualByComparingTo(e.averagePrice());
                assertThat(s.mark()).as("marked at the cached close").isEqualByComparingTo(cache.latestClose(e.symbol()).orElseThrow())
                        .isEqualByComparingTo(e.mark());
                assertThat(s.markAt()).isEqualTo(cache.recentBars(e.symbol(), 1).getFirst().start());
                assertThat(s.marketValue()).isEqualByComparingTo(e.marketValue());
                assertThat(s.unrealizedPnl()).isEqualByComparingTo(e.unrealizedPnl());
                unrealized = unrealized.add(e.unrealizedPnl());
            }
            assertThat(p.unrealizedPnl()).isEqualByComparingTo(unrealized).isEqualByComparingTo(engine.unrealizedPnl());
            assertThat(p.grossExposure()).isEqualByComparingTo(engine.grossExposure());
            EquityPoint last = queries.equity(1).getFirst();
            assertThat(p.marketTime()).isEqualTo(last.at());
            assertThat(p.marksAt()).isEqualTo(last.at());
            assertThat(p.cash()).isEqualByComparingTo(engine.cash()).isEqualByComparingTo(last.cash());
            assertThat(p.equity()).isEqualByComparingTo(engine.equity()).isEqualByComparingTo(last.equity());
            assertThat(p.dayStartEquity()).isEqualByComparingTo(engine.dayStartEquity());
            assertThat(p.peakEquity()).isEqualByComparingTo(engine.peakEquity());
            assertThat(p.realizedPnl()).isEqualByComparingTo(engine.realizedPnl());
            assertThat(p.fees()).isEqualByComparingTo(engine.fees());
            assertThat(p.workingOrders()).isEqualTo(leader.snapshot().orElseThrow().workingOrders().size());

            LivePortfolio onTheLeader = new LedgerQueries(ledger, leader, cache).portfolio().orElseThrow();
            assertThat(onTheLeader.source()).as("the leader answers from its engine").isEqualTo(LivePortfolio.Source.ENGINE);

            MarketDataQueries unreachable = new MarketDataQueries() {
                @Override public List<io.tradepilot.trading.CachedBar> recentBars(String symbol, int limit) {
                    throw new io.tradepilot.trading.MarketDataUnavailableException("redis down", null);
                }
                @Override public java.util.Optional<BigDecimal> latestClose(String symbol) { return java.util.Optional.empty(); }
            };
            LivePortfolio unmarked = new LedgerQueries(ledger, standby, unreachable).portfolio().orElseThrow();
            assertThat(unmarked.positions()).hasSameSizeAs(open).allSatisfy(x -> {
                assertThat(x.mark()).isNull();
                assertThat(x.unrealizedPnl()).isNull();
            });
            assertThat(unmarked.marksAt()).isNull();
            assertThat(unmarked.equity()).as("the ledger still answers").isEqualByComparingTo(last.equity());
        }
    }

    @Test
    void a_leader_that_loses_its_lock_connection_stops_its_engine_and_takes_the_lock_back_by_itself() {
        EngineHost leader = start(settings(1, (BigDecimal) null));
        assertThat(leader.role()).isEqualTo(EngineHost.Role.LEADER);
        EngineHost.Recovery firstStart = leader.recovery();

        db.fetch("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = 0 AND objid::bigint = ?",
                LOCK_KEY);

        eventually(Duration.ofSeconds(15), () -> leader.recovery() != firstStart && leader.role() == EngineHost.Role.LEADER,
                "the leader to stop its engine and start it again from the ledger");
        assertThat(leader.snapshot()).isPresent();
        assertThat(db.fetchCount(DSL.table("pg_locks"), DSL.condition("locktype = 'advisory' AND objsubid = 1 AND objid::bigint = ?", LOCK_KEY)))
                .as("one session holds the lock").isEqualTo(1);
    }

    @Test
    void a_standby_takes_over_when_the_leader_is_gone_and_carries_on_from_the_ledger() {
        EngineHost leader = start(settings(10_000, (BigDecimal) null));
        EngineHost standby = start(settings(0, (BigDecimal) null));
        assertThat(standby.role()).isEqualTo(EngineHost.Role.STANDBY);
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(FILL) >= 2, "fills before the leader goes");
        leader.halt();

        eventually(Duration.ofSeconds(10), () -> standby.role() == EngineHost.Role.LEADER, "the standby to take over");
        assertThat(standby.recovery().fills()).isPositive();
        assertThat(standby.recovery().mismatches()).isEmpty();
        runToTheEnd(standby);
        assertLedgerMatches(standby.snapshot().orElseThrow());
        assertNoDuplicateClientOrderIds();
    }

    @Test
    void the_api_serves_positions_orders_and_equity_from_the_ledger_to_a_viewer() {
        EngineHost host = start(settings(0, (BigDecimal) null));
        runToTheEnd(host);
        String token = users.apiToken(users.viewer());
        var positions = api(token).get("/api/v1/positions");
        assertThat(positions.statusCode()).isEqualTo(200);
        for (LedgerPosition p : queries.openPositions()) assertThat(positions.body()).contains("\"symbol\":\"" + p.symbol() + "\"");
        var orders = api(token).get("/api/v1/orders?limit=5");
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains(queries.orders(false, 1).getFirst().clientOrderId());
        assertThat(api(token).get("/api/v1/equity?limit=3").statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/positions").statusCode()).isEqualTo(401);
    }

    @Test
    void a_working_exit_order_recovered_after_a_restart_keeps_its_exit_tag_and_its_later_fill_is_tagged() {
        EngineHost first = start(settings(2_000, (BigDecimal) null));
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(EQUITY_SNAPSHOT) > 0, "the feed running");
        Instrument aaa = Instrument.nseEquity("AAA");
        first.send(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("manual:AAA:77:B:0"), StrategyId.MANUAL, aaa,
                Side.BUY, Quantity.of(10), Price.of("1.00"), TimeInForce.GTC).withExitTag(ExitTag.TARGET)));
        eventually(Duration.ofSeconds(20), () -> "TARGET".equals(db.select(TRADE_ORDER.EXIT_TAG).from(TRADE_ORDER)
                .where(TRADE_ORDER.CLIENT_ORDER_ID.eq("manual:AAA:77:B:0")).fetchOne(TRADE_ORDER.EXIT_TAG)),
                "the working order recorded with its exit tag");
        first.halt();
        assertThat(first.feedFinished()).as("halted mid-run").isFalse();

        EngineHost second = start(settings(2_000, (BigDecimal) null));
        assertThat(second.recovery().workingOrders()).isPositive();
        LedgerOrder recovered = queries.orders(true, 100).stream().filter(o -> o.clientOrderId().equals("manual:AAA:77:B:0"))
                .findFirst().orElseThrow();
        assertThat(recovered.exitTag()).isEqualTo("TARGET");
        // made marketable after the restart: it fills at the next bar's open, as the recovered order
        second.send(new EngineCommand.ModifyOrder(new io.tradepilot.engine.orders.OrderId(recovered.orderId()), null,
                Price.of("1000000"), null, "test: fill it after the restart"));
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(FILL, FILL.ORDER_ID.eq(recovered.orderId())) == 1, "the recovered order filled");
        assertThat(db.select(FILL.EXIT_TAG).from(FILL).where(FILL.ORDER_ID.eq(recovered.orderId())).fetchOne(FILL.EXIT_TAG))
                .as("the fill of the recovered order keeps its exit tag").isEqualTo("TARGET");
    }

    @Test
    void a_live_rejection_reaches_the_ledger_and_the_risk_figures_and_paper_fills_pay_slippage_and_charges_to_the_paisa() {
        TradingProperties base = settings(0, (BigDecimal) null);
        var limits = new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                TradingProperties.SizeReduction.OFF, 0, null, null, null, null, null, null, List.of(),
                1, null, Map.of(), 1, TradingProperties.TradingHours.OFF, TradingProperties.BuyingPowerSettings.OFF);
        var paper = new TradingProperties.Paper(new BigDecimal("5"), TradingProperties.Charges.AUTO);
        TradingProperties properties = new TradingProperties(base.enabled(), base.autoStartup(), base.initialCash(), base.currency(),
                base.marketZone(), base.leaderLockKey(), base.tick(), base.standbyRetry(), base.strategies(), limits, base.marketdata(),
                base.squareOff(), paper);
        EngineHost host = start(properties);
        runToTheEnd(host);
        EngineSnapshot snapshot = host.snapshot().orElseThrow();

        // sma-cross trades AAA and BBB, but one open position at a time: the other's entries are refused
        var refusals = db.select(ORDER_EVENT.DETAIL).from(ORDER_EVENT).where(ORDER_EVENT.EVENT_TYPE.eq("REJECTED")).fetch(ORDER_EVENT.DETAIL);
        assertThat(refusals).isNotEmpty().allSatisfy(d -> assertThat(d).matches("MAX_OPEN_POSITIONS: (AAA|BBB): 1 positions open, the maximum is 1"));
        var figures = new LiveRiskFigures(properties, host, db);
        assertThat(figures.rejections(1000)).hasSize(refusals.size()).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("MAX_OPEN_POSITIONS");
            assertThat(r.reason()).endsWith("1 positions open, the maximum is 1");
        });
        assertThat(figures.room().orElseThrow().limits()).singleElement().satisfies(l -> {
            assertThat(l.code()).isEqualTo("MAX_OPEN_POSITIONS");
            assertThat(l.cap()).isEqualByComparingTo("1");
        });

        // every fill paid Zerodha's delivery charges on its own turnover, at a price 5 bps worse than a tick-aligned open
        // (or clamped into the bar's range), and the cash is the initial cash less what the fills booked, to the paisa
        var fills = ledger.fills();
        assertThat(fills).isNotEmpty();
        var charges = io.tradepilot.engine.broker.ZerodhaCharges.delivery();
        int slipped = 0;
        for (var f : fills) {
            Side side = Side.valueOf(f.side());
            assertThat(f.commission()).as("charges of %s", f).isEqualByComparingTo(charges.charges(side, f.quantity(), f.price(), true));
            var byKind = queries.fills(f.orderId()).stream().filter(o -> o.seq() == f.seq()).findFirst().orElseThrow().charges();
            var expected = charges.breakdown(side, f.quantity(), f.price());
            assertThat(byKind).as("charges by kind of %s", f).containsExactly(Map.entry("BROKERAGE", expected.brokerage()),
                    Map.entry("STT", expected.stt()), Map.entry("EXCHANGE", expected.exchange()), Map.entry("SEBI", expected.sebi()),
                    Map.entry("GST", expected.gst()), Map.entry("STAMP", expected.stamp()));
            assertThat(byKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(f.commission());
            BigDecimal factor = side == Side.BUY ? new BigDecimal("1.0005") : new BigDecimal("0.9995");
            BigDecimal open = f.price().divide(factor, 10, java.math.RoundingMode.HALF_EVEN);
            if (open.remainder(new BigDecimal("0.05")).signum() == 0) slipped++;
            else assertThat(f.price().remainder(new BigDecimal("0.05")).signum()).as("a clamped fill sits on the bar's tick: %s", f).isZero();
        }
        assertThat(slipped).isPositive();
        assertThat(snapshot.portfolio().fees()).isPositive();
        assertThat(snapshot.portfolio().cash()).isEqualByComparingTo(cashFromFills());
        assertThat(queries.equity(1).getFirst().cash()).isEqualByComparingTo(snapshot.portfolio().cash());
    }

    // ------------------------------------------------------------------------------ helpers

    private TradingProperties settings(double speed, TradingProperties.SizeReduction sizing) {
        TradingProperties p = settings(speed, (BigDecimal) null);
        return new TradingProperties(p.enabled(), p.autoStartup(), p.initialCash(), p.currency(), p.marketZone(), p.leaderLockKey(),
                p.tick(), p.standbyRetry(), p.strategies(),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER, sizing), p.marketdata());
    }

    private static TradingProperties twoDays(TradingProperties p) {
        var md = p.marketdata();
        return new TradingProperties(p.enabled(), p.autoStartup(), p.initialCash(), p.currency(), p.marketZone(), p.leaderLockKey(),
                p.tick(), p.standbyRetry(), p.strategies(), p.limits(),
                new TradingProperties.MarketData(md.source(), md.speed(), md.maxGap(), md.staleAfter(), md.outlierThreshold(),
                        new TradingProperties.Synthetic(md.synthetic().seed(), md.synthetic().firstDay(), 2), md.csv()));
    }

    private TradingProperties settings(double speed, BigDecimal dailyLoss) {
        var strategy = new TradingProperties.StrategySettings(null, "sma-cross", List.of("AAA", "BBB"), new BigDecimal("100"),
                Map.of("fast", "5", "slow", "15"));
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, speed, Duration.ofMinutes(5),
                Duration.ofMinutes(10), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2025, 1, 6), 4), new TradingProperties.Csv(null, "NSE"));
        return new TradingProperties(true, false, new BigDecimal("1000000"), "INR", ZoneId.of("Asia/Kolkata"), LOCK_KEY,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(strategy),
                new TradingProperties.Limits(dailyLoss, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md);
    }

    private EngineHost start(TradingProperties properties) {
        EngineHost host = new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock);
        hosts.add(host);
        host.start();
        return host;
    }

    private static void runToTheEnd(EngineHost host) {
        eventually(Duration.ofSeconds(90), () -> host.feedFinished() && host.ledgerBacklog() == 0, "the feed to end and the ledger to catch up");
    }

    private void assertLedgerMatches(EngineSnapshot snapshot) {
        Map<String, LedgerPosition> recorded = new HashMap<>();
        for (LedgerPosition p : ledger.positions(false)) recorded.put(p.symbol(), p);
        for (PositionSnapshot p : snapshot.portfolio().positions()) {
            LedgerPosition r = recorded.get(p.symbol());
            assertThat(r).as(p.symbol()).isNotNull();
            assertThat(r.quantity()).as(p.symbol() + " quantity").isEqualByComparingTo(p.quantity());
            assertThat(r.averagePrice()).as(p.symbol() + " average price").isEqualByComparingTo(p.averagePrice());
            assertThat(r.realizedPnl()).as(p.symbol() + " realized").isEqualByComparingTo(p.realizedPnl());
        }
        assertThat(snapshot.workingOrders().size()).isEqualTo(queries.orders(true, 1000).size());
    }

    /** Initial cash minus what every recorded fill cost (buys) or brought (sells), minus commissions. */
    private BigDecimal cashFromFills() {
        BigDecimal cash = new BigDecimal("1000000");
        for (var f : ledger.fills()) {
            BigDecimal notional = f.quantity().multiply(f.price());
            cash = "BUY".equals(f.side()) ? cash.subtract(notional) : cash.add(notional);
            cash = cash.subtract(f.commission());
        }
        return cash;
    }

    private void assertNoDuplicateClientOrderIds() {
        int distinct = db.fetchOne(DSL.select(DSL.countDistinct(TRADE_ORDER.CLIENT_ORDER_ID)).from(TRADE_ORDER)).value1();
        assertThat(distinct).isEqualTo(db.fetchCount(TRADE_ORDER));
    }

    private static Map<String, String> positions(EngineSnapshot s) {
        Map<String, String> out = new HashMap<>();
        for (PositionSnapshot p : s.portfolio().positions()) {
            out.put(p.symbol(), p.quantity().stripTrailingZeros().toPlainString() + " @ "
                    + p.averagePrice().stripTrailingZeros().toPlainString() + " realized " + p.realizedPnl().stripTrailingZeros().toPlainString());
        }
        return out;
    }

}
