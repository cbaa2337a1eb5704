package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventually;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.ORDER_EVENT;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.engine.core.EngineState;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manual trading actions and strategy switches through the REST API (real tokens, real Tomcat), on
 * real PostgreSQL and Redis, with the context's own engine host running an accelerated synthetic market
 * (a 5-minute bar every 100 ms): sma-cross trades AAA and BBB; CCC has a strategy too slow to ever trade, so
 * manual orders there are the only ones. Each test starts the host from an empty ledger and fresh controls.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=actions-it:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880002",
        "tradepilot.trading.tick=100ms",
        "tradepilot.trading.standby-retry=1h",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.limits.trading-hours.enabled=false", // manual orders at any market time of the accelerated day
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=AAA",
        "tradepilot.trading.strategies[0].symbols[1]=BBB",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=15",
        "tradepilot.trading.strategies[1].id=idle",
        "tradepilot.trading.strategies[1].name=sma-cross",
        "tradepilot.trading.strategies[1].symbols[0]=CCC",
        "tradepilot.trading.strategies[1].quantity=1",
        "tradepilot.trading.strategies[1].params.fast=500",
        "tradepilot.trading.strategies[1].params.slow=1000",
        "tradepilot.trading.marketdata.speed=3000",
        "tradepilot.trading.marketdata.max-gap=5m",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.marketdata.synthetic.seed=7",
        "tradepilot.trading.marketdata.synthetic.first-day=2025-01-06",
        "tradepilot.trading.marketdata.synthetic.trading-days=12"})
@DirtiesContext
class TradingActionsIT extends IntegrationTestSupport {

    private static final String REASON = "operator test reason";
    private static final String LONG_REASON = "admin flattens everything for the test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired ControlService controls;
    @Autowired ControlEvents controlEvents;
    @Autowired TradingQueries queries;
    @Autowired JooqLedger ledger;
    @Autowired TradingProperties properties;
    @Autowired DataSource dataSource;

    private final List<EngineHost> others = new ArrayList<>();

    @BeforeEach
    void startTheHostFromAnEmptyLedgerAndFreshControls() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "actions-it:");
        TradingFixtures.awaitFreshControls(gate);
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k
                && k.trading().state() == io.tradepilot.controls.TradingState.ACTIVE, "trading active");
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(Duration.ofSeconds(10), () -> mark("CCC") != null, "the first bars");
    }

    @AfterEach
    void stopHosts() {
        host.stop();
        others.forEach(EngineHost::stop);
    }

    // ------------------------------------------------------------------------------ roles

    @Test
    void a_viewer_is_refused_every_action_with_403_and_each_denial_is_audited() {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);
        Map<String, String> calls = Map.of(
                "/api/v1/orders/O1/cancel", "{\"reason\":\"" + REASON + "\"}",
                "/api/v1/orders/cancel-all", "{\"reason\":\"" + REASON + "\"}",
                "/api/v1/positions/CCC/close", "{\"reason\":\"" + REASON + "\"}",
                "/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}",
                "/api/v1/orders/preview", order("CCC", "BUY", "1", "MARKET", null, null, "DAY", null),
                "/api/v1/orders", order("CCC", "BUY", "1", "MARKET", null, null, "DAY", REASON),
                "/api/v1/strategies/sma-cross/deactivate", "{\"confirm\":\"DEACTIVATE\",\"reason\":\"" + REASON + "\"}",
                "/api/v1/strategies/sma-cross/activate", "{\"confirm\":\"ACTIVATE\",\"reason\":\"" + REASON + "\"}");
        calls.forEach((path, body) -> assertThat(api(token).post(path, body).statusCode()).as(path).isEqualTo(403));

        assertThat(db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.USERNAME.eq(viewer.username())
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED"))).fetch(AUDIT_EVENT.ACTION)).containsExactlyInAnyOrder(
                "ORDER_CANCEL", "ORDER_CANCEL_ALL", "POSITION_CLOSE", "FLATTEN_ALL", "ORDER_MANUAL", "ORDER_MANUAL",
                "STRATEGY_DEACTIVATE", "STRATEGY_ACTIVATE");
        assertThat(api(token).get("/api/v1/strategies").statusCode()).as("a viewer sees the strategies").isEqualTo(200);
        int anonymousBefore = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq("anonymous").and(AUDIT_EVENT.ACTION.eq("ORDER_CANCEL_ALL"))
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")));
        assertThat(api().post("/api/v1/orders/cancel-all", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(401);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq("anonymous").and(AUDIT_EVENT.ACTION.eq("ORDER_CANCEL_ALL"))
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).as("a 401 audited").isEqualTo(anonymousBefore + 1);
    }

    @Test
    void an_operator_may_act_but_not_flatten_and_an_admin_may_flatten() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);
        assertThat(api(token).post("/api/v1/orders/cancel-all", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(200);
        assertThat(api(token).post("/api/v1/orders/preview", order("CCC", "BUY", "1", "MARKET", null, null, "DAY", null)).statusCode())
                .isEqualTo(200);
        assertThat(api(token).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(404);
        var flatten = api(token).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}");
        assertThat(flatten.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(operator.username()).and(AUDIT_EVENT.ACTION.eq("FLATTEN_ALL"))
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(operator.username()).and(AUDIT_EVENT.ACTION.eq("ORDER_CANCEL_ALL"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")).and(AUDIT_EVENT.CLIENT_ADDRESS.isNotNull()))).isEqualTo(1);

        TestUser admin = users.newAdmin();
        assertThat(api(users.apiToken(admin)).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}")
                .statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------ validation

    @Test
    void bad_input_is_refused_with_422_or_404_never_500() {
        String token = users.apiToken(users.operator());
        assertProblem(api(token).post("/api/v1/orders/cancel-all", "{\"reason\":\"too short\"}"), 422, "REASON_TOO_SHORT");
        assertProblem(api(token).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}"), 404, "NOT_FOUND");
        assertProblem(api(token).post("/api/v1/positions/CCC/close", "{\"reason\":\"" + REASON + "\"}"), 404, "NOT_FOUND");
        assertProblem(api(token).post("/api/v1/strategies/sma-cross/deactivate", "{\"confirm\":\"deactivate\",\"reason\":\"" + REASON + "\"}"),
                422, "CONFIRMATION_MISMATCH");
        assertProblem(api(token).post("/api/v1/strategies/nope/deactivate", "{\"confirm\":\"DEACTIVATE\",\"reason\":\"" + REASON + "\"}"),
                404, "NOT_FOUND");
        assertProblem(api(token).post("/api/v1/orders", order("CCC", "SIDEWAYS", "1", "MARKET", null, null, "DAY", REASON)), 422, "INVALID_ORDER");
        assertProblem(api(token).post("/api/v1/orders", order("CCC", "BUY", "1", "LIMIT", null, null, "DAY", REASON)), 422, "INVALID_ORDER");
        assertProblem(api(token).post("/api/v1/orders/preview", order("ZZZ", "BUY", "1", "MARKET", null, null, "DAY", null)), 422, "INVALID_ORDER");
        assertThat(api(token).post("/api/v1/orders", "{\"symbol\":\"CCC\",\"quantity\":\"lots\"}").statusCode()).isEqualTo(400);
        assertThat(api(token).post("/api/v1/orders", "{not json").statusCode()).isEqualTo(400);
        String admin = users.apiToken(users.newAdmin());
        assertProblem(api(admin).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"yes\"}"), 422, "CONFIRMATION_MISMATCH");
        assertProblem(api(admin).post("/api/v1/flatten", "{\"reason\":\"short reason\",\"confirm\":\"FLATTEN\"}"), 422, "REASON_TOO_SHORT");
        assertThat(gate.current() instanceof ControlsReading.Known k && !k.killSwitch().engaged()).as("nothing flattened").isTrue();
    }

    // ------------------------------------------------------------------------------ rate limits

    @Test
    void the_eleventh_cancel_in_a_minute_is_rate_limited_and_audited_and_the_next_window_allows_again() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);
        for (int i = 0; i < 10; i++) {
            assertThat(api(token).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(404);
        }
        var limited = api(token).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}");
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(operator.username()).and(AUDIT_EVENT.ACTION.eq("ORDER_CANCEL"))
                .and(AUDIT_EVENT.OUTCOME.eq("RATE_LIMITED")))).isEqualTo(1);
        String other = users.apiToken(users.operator());
        assertThat(api(other).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}").statusCode())
                .as("per user").isEqualTo(404);

        clock.advance(Duration.ofSeconds(61));
        assertThat(api(token).post("/api/v1/orders/O999999/cancel", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void when_redis_cannot_be_read_an_action_is_refused_with_503() {
        String token = users.apiToken(users.operator());
        try (var outage = redisOutage()) {
            var refused = api(token).post("/api/v1/orders/cancel-all", "{\"reason\":\"" + REASON + "\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
        }
    }

    // ------------------------------------------------------------------------------ flatten, close, orders

    @Test
    void flatten_engages_the_kill_switch_which_refuses_the_next_order_cancels_everything_closes_every_position_pauses_and_disengaging_lifts_it() {
        String operator = users.apiToken(users.operator());
        assertThat(api(operator).post("/api/v1/orders", order("CCC", "BUY", "50", "MARKET", null, null, "DAY", REASON)).statusCode()).isEqualTo(200);
        assertThat(api(operator).post("/api/v1/orders", order("CCC", "BUY", "5", "LIMIT", "1.00", null, "GTC", REASON)).statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> ledgerQuantity("CCC").compareTo(new BigDecimal("50")) == 0, "the CCC position");
        assertThat(queries.orders(true, 100)).isNotEmpty();

        TestUser admin = users.newAdmin();
        var flatten = api(users.apiToken(admin)).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}");
        assertThat(flatten.statusCode()).as(flatten.body()).isEqualTo(200);

        var known = (ControlsReading.Known) gate.current();
        assertThat(known.killSwitch().engaged()).isTrue();
        assertThat(known.trading().state()).isEqualTo(io.tradepilot.controls.TradingState.PAUSED);
        eventually(Duration.ofSeconds(15), () -> queries.orders(true, 100).isEmpty()
                && ledger.positions(false).stream().allMatch(p -> p.quantity().signum() == 0), "no working orders and every position flat");
        assertThat(host.snapshot().orElseThrow().state()).as("the engine keeps no killed state").isEqualTo(EngineState.RUNNING);
        assertThat(host.status().engineState()).as("shown from the controls' kill switch").isEqualTo("KILLED");
        assertThat(queries.livePortfolio().orElseThrow().stateReason()).contains("flatten");
        var afterFlatten = api(operator).post("/api/v1/orders", order("CCC", "BUY", "5", "MARKET", null, null, "DAY", REASON));
        assertProblem(afterFlatten, 409, "KILL_SWITCH_ENGAGED");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(admin.username()).and(AUDIT_EVENT.ACTION.eq("FLATTEN_ALL"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(admin.username()).and(AUDIT_EVENT.ACTION.eq("KILL_SWITCH_ENGAGE"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("engine"))).as("closing orders recorded").isPositive();

        var again = api(users.apiToken(admin)).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}");
        assertProblem(again, 429, "RATE_LIMITED");

        ControlResult disengaged = users.as(admin, () -> controls.disengageKillSwitch("flatten test over", "CONFIRM"));
        assertThat(disengaged).isInstanceOf(ControlResult.Applied.class);
        eventually(Duration.ofSeconds(10), () -> "RUNNING".equals(host.status().engineState()), "the engine no longer shown killed");
    }

    @Test
    void amounts_in_api_responses_are_plain_decimals_never_in_exponent_form() {
        String token = users.apiToken(users.operator());
        assertThat(api(token).post("/api/v1/orders", order("CCC", "BUY", "100", "MARKET", null, null, "DAY", REASON)).statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> ledgerQuantity("CCC").compareTo(new BigDecimal("100")) == 0, "the CCC position");
        // the ledger strips trailing zeros (scale -2 for 100): Jackson's default would write 1E+2
        var positions = api(token).get("/api/v1/positions");
        assertThat(positions.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(positions.body()).get(0).get("quantity").asString()).isEqualTo("100");
        assertThat(positions.body()).contains("\"quantity\":100").doesNotContainPattern("[0-9][eE][+-]?[0-9]");
        var orders = api(token).get("/api/v1/orders");
        assertThat(orders.body()).contains("\"quantity\":100").doesNotContainPattern("[0-9][eE][+-]?[0-9]");
    }

    @Test
    void a_position_can_be_closed_in_part_then_in_full_but_not_beyond_it_nor_while_the_kill_switch_is_engaged() {
        TestUser user = users.operator();
        String token = users.apiToken(user);
        assertThat(api(token).post("/api/v1/orders", order("CCC", "BUY", "100", "MARKET", null, null, "DAY", REASON)).statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> ledgerQuantity("CCC").compareTo(new BigDecimal("100")) == 0, "the CCC position");

        var partial = api(token).post("/api/v1/positions/CCC/close", "{\"quantity\":40,\"reason\":\"" + REASON + "\"}");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
        String closeId = orderIds(partial).getFirst();
        assertThat(ledger.order(closeId)).hasValueSatisfying(o -> {
            assertThat(o.side()).isEqualTo("SELL");
            assertThat(o.quantity()).isEqualByComparingTo("40");
            assertThat(o.type()).isEqualTo("MARKET");
            assertThat(o.strategy()).isEqualTo("manual");
        });
        eventually(Duration.ofSeconds(10), () -> ledgerQuantity("CCC").compareTo(new BigDecimal("60")) == 0, "60 left");
        assertProblem(api(token).post("/api/v1/positions/CCC/close", "{\"quantity\":100,\"reason\":\"" + REASON + "\"}"), 422, "INVALID_ORDER");

        users.as(user, () -> controls.engageKillSwitch("test: close refused while engaged"));
        assertProblem(api(token).post("/api/v1/positions/CCC/close", "{\"reason\":\"" + REASON + "\"}"), 409, "KILL_SWITCH_ENGAGED");
        users.as(users.admin(), () -> controls.disengageKillSwitch("test: close allowed again", "CONFIRM"));
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k && !k.killSwitch().engaged(), "disengaged");

        assertThat(api(token).post("/api/v1/positions/CCC/close", "{\"reason\":\"" + REASON + "\"}").statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(10), () -> ledgerQuantity("CCC").signum() == 0, "CCC flat");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(user.username()).and(AUDIT_EVENT.ACTION.eq("POSITION_CLOSE"))
                .and(AUDIT_EVENT.TARGET.eq("CCC")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(2);
    }

    @Test
    void manual_orders_of_every_type_and_time_in_force_are_accepted_and_recorded_before_they_can_fill() {
        String token = users.apiToken(users.operator());
        BigDecimal mark = mark("CCC");
        String far = mark.multiply(new BigDecimal("3")).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
        List<String> bodies = List.of(
                order("CCC", "BUY", "10", "MARKET", null, null, "DAY", REASON),
                order("CCC", "BUY", "10", "LIMIT", "1.05", null, "GTC", REASON),
                order("CCC", "BUY", "10", "STOP", null, far, "IOC", REASON),
                order("CCC", "BUY", "10", "STOP_LIMIT", far, far, "FOK", REASON));
        List<String> types = List.of("MARKET:DAY", "LIMIT:GTC", "STOP:IOC", "STOP_LIMIT:FOK");
        for (int i = 0; i < bodies.size(); i++) {
            var placed = api(token).post("/api/v1/orders", bodies.get(i));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            String id = orderIds(placed).getFirst();
            var recorded = ledger.order(id);
            assertThat(recorded).as("recorded when the answer comes").isPresent();
            assertThat(recorded.get().type() + ":" + recorded.get().timeInForce()).isEqualTo(types.get(i));
            assertThat(recorded.get().clientOrderId()).startsWith("manual:CCC:");
            assertThat(recorded.get().strategy()).isEqualTo("manual");
        }
        String market = db.select(TRADE_ORDER.ORDER_ID).from(TRADE_ORDER).where(TRADE_ORDER.ORDER_TYPE.eq("MARKET")
                .and(TRADE_ORDER.SYMBOL.eq("CCC"))).fetchOne(TRADE_ORDER.ORDER_ID);
        eventually(Duration.ofSeconds(10), () -> ledger.order(market).map(o -> o.status().equals("FILLED")).orElse(false), "the market order filled");
        Long accepted = db.select(ORDER_EVENT.ID).from(ORDER_EVENT).where(ORDER_EVENT.ORDER_ID.eq(market).and(ORDER_EVENT.EVENT_TYPE.eq("ACCEPTED")))
                .fetchOne(ORDER_EVENT.ID);
        Long filled = db.select(ORDER_EVENT.ID).from(ORDER_EVENT).where(ORDER_EVENT.ORDER_ID.eq(market).and(ORDER_EVENT.EVENT_TYPE.eq("FILLED")))
                .fetchOne(ORDER_EVENT.ID);
        assertThat(accepted).isLessThan(filled);
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.CLIENT_ORDER_ID.like("manual:%"))).isEqualTo(4);
    }

    @Test
    void a_preview_shows_a_risk_limit_refusal_and_places_nothing() {
        String token = users.apiToken(users.operator());
        var tooBig = api(token).post("/api/v1/orders/preview", order("CCC", "BUY", "3000", "MARKET", null, null, "DAY", null));
        assertThat(tooBig.statusCode()).isEqualTo(200);
        JsonNode refused = JSON.readTree(tooBig.body());
        assertThat(refused.get("accepted").asBoolean()).isFalse();
        assertThat(refused.get("riskCode").asString()).isEqualTo("FAT_FINGER");
        assertThat(refused.get("riskMessage").asString()).contains("3000");

        var fine = api(token).post("/api/v1/orders/preview", order("CCC", "BUY", "10", "MARKET", null, null, "DAY", null));
        JsonNode ok = JSON.readTree(fine.body());
        assertThat(ok.get("accepted").asBoolean()).isTrue();
        assertThat(ok.get("positionBefore").decimalValue()).isEqualByComparingTo("0");
        assertThat(ok.get("positionAfter").decimalValue()).isEqualByComparingTo("10");
        assertThat(ok.get("notional").decimalValue()).isEqualByComparingTo(ok.get("referencePrice").decimalValue().multiply(BigDecimal.TEN));
        assertThat(db.fetchCount(ORDER_EVENT, ORDER_EVENT.CLIENT_ORDER_ID.like("%CCC%"))).as("nothing placed").isZero();

        assertProblem(api(token).post("/api/v1/orders", order("CCC", "BUY", "3000", "MARKET", null, null, "DAY", REASON)), 422, "RISK_REJECTED");
    }

    @Test
    void the_kill_switch_engaged_after_a_preview_blocks_the_manual_order_at_confirm() {
        TestUser user = users.operator();
        String token = users.apiToken(user);
        String body = order("CCC", "BUY", "10", "MARKET", null, null, "DAY", REASON);
        assertThat(JSON.readTree(api(token).post("/api/v1/orders/preview", body).body()).get("accepted").asBoolean()).isTrue();
        users.as(user, () -> controls.engageKillSwitch("test: engaged between preview and confirm"));
        var blocked = api(token).post("/api/v1/orders", body);
        assertProblem(blocked, 409, "KILL_SWITCH_ENGAGED");
        assertThat(db.fetchCount(ORDER_EVENT, ORDER_EVENT.CLIENT_ORDER_ID.like("manual:CCC:%").and(ORDER_EVENT.EVENT_TYPE.eq("REJECTED"))
                .and(ORDER_EVENT.DETAIL.startsWith("KILL_SWITCH_ENGAGED")))).as("the rejection recorded").isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(user.username()).and(AUDIT_EVENT.ACTION.eq("ORDER_MANUAL"))
                .and(AUDIT_EVENT.OUTCOME.eq("FAILED")))).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------ strategies

    @Test
    void a_deactivated_strategy_stops_entering_keeps_exiting_and_stays_deactivated_after_a_restart() throws Exception {
        TestUser user = users.operator();
        String token = users.apiToken(user);
        // switch off while sma-cross is long and has no exit under way, seen on the engine right after the switch
        Instant marketTimeOff = null;
        for (int attempt = 0; attempt < 5 && marketTimeOff == null; attempt++) {
            eventually(Duration.ofSeconds(30), () -> holding(host.snapshot().orElseThrow()), "sma-cross holding a position");
            var off = api(token).post("/api/v1/strategies/sma-cross/deactivate", "{\"confirm\":\"DEACTIVATE\",\"reason\":\"" + REASON + "\"}");
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            var atSwitch = host.query(core -> core.snapshot(), Duration.ofSeconds(5)).orElseThrow();
            if (holding(atSwitch)) {
                marketTimeOff = atSwitch.time();
            } else {
                assertThat(api(token).post("/api/v1/strategies/sma-cross/activate", "{\"confirm\":\"ACTIVATE\",\"reason\":\"" + REASON + "\"}")
                        .statusCode()).isEqualTo(200);
            }
        }
        assertThat(marketTimeOff).as("switched off while holding").isNotNull();
        Instant switchedOff = marketTimeOff;
        assertProblem(api(token).post("/api/v1/strategies/sma-cross/deactivate", "{\"confirm\":\"DEACTIVATE\",\"reason\":\"" + REASON + "\"}"),
                409, "ALREADY_INACTIVE");
        assertThat(api(token).get("/api/v1/strategies").body()).contains("\"id\":\"sma-cross\"").contains("\"enabled\":false");

        try {
            eventually(Duration.ofSeconds(60), () -> db.fetchCount(ORDER_EVENT, ORDER_EVENT.CLIENT_ORDER_ID.like("sma-cross:%")
                    .and(ORDER_EVENT.EVENT_TYPE.eq("REJECTED")).and(ORDER_EVENT.DETAIL.startsWith("STRATEGY_DISABLED"))) > 0
                    && db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("sma-cross").and(TRADE_ORDER.SIDE.eq("SELL"))
                    .and(TRADE_ORDER.CREATED_AT.gt(switchedOff))) > 0, "an entry refused and an exit accepted");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; switched off at " + switchedOff + ", orders since: "
                    + db.select(TRADE_ORDER.CLIENT_ORDER_ID, TRADE_ORDER.STATUS).from(TRADE_ORDER).where(TRADE_ORDER.CREATED_AT.gt(switchedOff)).fetch()
                    + ", rejections: " + db.select(ORDER_EVENT.CLIENT_ORDER_ID, ORDER_EVENT.DETAIL).from(ORDER_EVENT)
                    .where(ORDER_EVENT.EVENT_TYPE.eq("REJECTED")).fetch() + ", positions " + ledger.positions(false), e);
        }
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("sma-cross").and(TRADE_ORDER.SIDE.eq("BUY"))
                .and(TRADE_ORDER.CREATED_AT.gt(switchedOff)))).as("no entry after the switch").isZero();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(user.username()).and(AUDIT_EVENT.ACTION.eq("STRATEGY_DEACTIVATE"))
                .and(AUDIT_EVENT.TARGET.eq("sma-cross")).and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isPositive();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(user.username()).and(AUDIT_EVENT.ACTION.eq("STRATEGY_DEACTIVATE"))
                .and(AUDIT_EVENT.TARGET.eq("sma-cross")).and(AUDIT_EVENT.OUTCOME.eq("FAILED")))).as("the second deactivation").isEqualTo(1);

        host.stop();
        host.start();
        assertThat(enabled("sma-cross")).as("applied again at start").contains(false);
        assertThat(api(token).post("/api/v1/strategies/sma-cross/activate", "{\"confirm\":\"ACTIVATE\",\"reason\":\"" + REASON + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(enabled("sma-cross")).contains(true);
    }

    // ------------------------------------------------------------------------------ standby

    @Test
    void a_standby_instance_refuses_every_action_with_503() {
        host.stop();
        EngineHost leader = new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock);
        others.add(leader);
        leader.start();
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.STANDBY);

        String token = users.apiToken(users.operator());
        assertProblem(api(token).post("/api/v1/orders/cancel-all", "{\"reason\":\"" + REASON + "\"}"), 503, "ENGINE_UNAVAILABLE");
        assertProblem(api(token).post("/api/v1/orders", order("CCC", "BUY", "1", "MARKET", null, null, "DAY", REASON)), 503, "ENGINE_UNAVAILABLE");
        assertProblem(api(token).post("/api/v1/orders/preview", order("CCC", "BUY", "1", "MARKET", null, null, "DAY", null)), 503, "ENGINE_UNAVAILABLE");
        assertProblem(api(token).post("/api/v1/strategies/sma-cross/deactivate", "{\"confirm\":\"DEACTIVATE\",\"reason\":\"" + REASON + "\"}"),
                503, "ENGINE_UNAVAILABLE");
        assertProblem(api(users.apiToken(users.newAdmin())).post("/api/v1/flatten", "{\"reason\":\"" + LONG_REASON + "\",\"confirm\":\"FLATTEN\"}"),
                503, "ENGINE_UNAVAILABLE");
        assertThat(gate.current() instanceof ControlsReading.Known k && !k.killSwitch().engaged()).as("nothing half-applied").isTrue();
    }

    // ------------------------------------------------------------------------------ helpers

    private static String order(String symbol, String side, String qty, String type, String limit, String stop, String tif, String reason) {
        StringBuilder b = new StringBuilder("{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"quantity\":" + qty + ",\"type\":\"" + type + "\"");
        if (limit != null) b.append(",\"limitPrice\":").append(limit);
        if (stop != null) b.append(",\"stopPrice\":").append(stop);
        if (tif != null) b.append(",\"timeInForce\":\"").append(tif).append('"');
        if (reason != null) b.append(",\"reason\":\"").append(reason).append('"');
        return b.append('}').toString();
    }

    private static List<String> orderIds(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).get("orderIds").forEach(n -> ids.add(n.asString()));
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }

    /** sma-cross holds AAA or BBB long and has no working order (so its next exit is still to come). */
    private static boolean holding(io.tradepilot.engine.core.EngineSnapshot s) {
        boolean working = s.workingOrders().stream().anyMatch(o -> o.request().strategy().value().equals("sma-cross"));
        return !working && s.portfolio().positions().stream().anyMatch(p -> p.quantity().signum() > 0
                && (p.symbol().equals("AAA") || p.symbol().equals("BBB")));
    }

    private java.util.Optional<Boolean> enabled(String strategy) {
        try {
            return host.query(core -> core.strategyEnabled(new StrategyId(strategy)), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private BigDecimal mark(String symbol) {
        try {
            return host.query(core -> core.portfolio().markOf(symbol), Duration.ofSeconds(5)).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private BigDecimal ledgerQuantity(String symbol) {
        return ledger.positions(false).stream().filter(p -> p.symbol().equals(symbol)).map(LedgerPosition::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }

}
