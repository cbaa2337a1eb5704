package io.tradepilot.controls;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The controls in the running application, on real PostgreSQL and Redis. */
class ControlsIT extends IntegrationTestSupport {

    @Autowired
    ControlService controls;
    @Autowired
    TradingGate gate;
    @Autowired
    ControlEvents events;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DSLContext db;

    @BeforeEach
    void startFromClearControls() throws InterruptedException {
        ControlKeys.clear(redis);
    }

    private Record lastAudit(String username, ControlAction action) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.USERNAME.eq(username), AUDIT_EVENT.ACTION.eq(action.auditName()))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
    }

    @Test
    void an_engaged_kill_switch_blocks_new_orders_and_is_audited_with_who_what_why() {
        TestUser operator = users.operator();

        var result = users.as(operator, () -> controls.engageKillSwitch("broker rejects every order"));

        assertThat(result).isInstanceOf(ControlResult.Applied.class);
        assertThat(gate.check(OrderPurpose.ENTRY).allowed()).isFalse();
        assertThat(gate.check(OrderPurpose.EXIT).allowed()).isFalse();
        assertThat(gate.check(OrderPurpose.CANCEL).allowed()).isTrue();
        var row = lastAudit(operator.username(), ControlAction.ENGAGE_KILL_SWITCH);
        assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("SUCCESS");
        assertThat(row.get(AUDIT_EVENT.TARGET)).isEqualTo("kill_switch");
        assertThat(row.get(AUDIT_EVENT.REASON)).isEqualTo("broker rejects every order");
        assertThat(row.get(AUDIT_EVENT.OCCURRED_AT)).isNotNull();
    }

    @Test
    void a_refused_change_is_audited_as_failed_and_changes_nothing() {
        TestUser operator = users.operator();

        var result = users.as(operator, () -> controls.engageKillSwitch("too short"));

        assertThat(result).isInstanceOf(ControlResult.Refused.class);
        assertThat(controls.history(Control.KILL_SWITCH, 10)).isEmpty();
        var row = lastAudit(operator.username(), ControlAction.ENGAGE_KILL_SWITCH);
        assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("FAILED");
        assertThat(row.get(AUDIT_EVENT.DETAIL)).startsWith("REASON_TOO_SHORT");
    }

    @Test
    void the_history_of_a_control_keeps_its_newest_thousand_changes() {
        TestUser operator = users.operator();
        users.as(operator, () -> {
            for (int i = 0; i < 501; i++) {
                controls.pause("pause " + i);
                controls.resume("resume " + i);
            }
        });

        var history = controls.history(Control.TRADING, 5000);

        assertThat(history).hasSize(1000);
        assertThat(history.getFirst().reason()).isEqualTo("resume 500");
        assertThat(history.getLast().reason()).isEqualTo("pause 1");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(operator.username()))).isEqualTo(1002);
    }

    @Test
    void a_reset_is_allowed_once_a_minute_across_all_users() {
        TestUser first = users.operator();
        TestUser second = users.operator();
        users.as(first, () -> {
            controls.tripCircuitBreaker(TripReason.DATA_STALE, null);
            controls.resetCircuitBreaker("feed restored and verified by hand", true);
            controls.tripCircuitBreaker(TripReason.DATA_STALE, null);
        });

        var limited = users.as(second, () -> controls.resetCircuitBreaker("feed restored and verified again", true));

        assertThat(limited).isInstanceOfSatisfying(ControlResult.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.RATE_LIMITED));
        assertThat(lastAudit(second.username(), ControlAction.RESET_CIRCUIT_BREAKER).get(AUDIT_EVENT.OUTCOME))
                .isEqualTo("RATE_LIMITED");
        var viaApi = api(users.apiToken(second)).post("/api/v1/circuit-breaker/reset",
                "{\"reason\":\"feed restored and verified again\",\"acknowledge\":true}");
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(429);
        assertThat(viaApi.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofSeconds(61));

        assertThat(users.as(second, () -> controls.resetCircuitBreaker("feed restored and verified again", true)))
                .isInstanceOf(ControlResult.Applied.class);
    }

    @Test
    void with_redis_unreachable_the_state_is_unknown_trading_is_blocked_and_attempts_fail_audited() throws Exception {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);

        try (var outage = redisOutage()) {
            assertThat(controls.read()).isInstanceOf(ControlsReading.Unknown.class);
            // the gate answers from memory: it learns of the outage at its next refresh (500 ms)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (gate.check(OrderPurpose.ENTRY).allowed() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(gate.check(OrderPurpose.ENTRY)).isInstanceOf(GateDecision.UnknownBlocked.class);
            assertThat(gate.check(OrderPurpose.EXIT)).isInstanceOf(GateDecision.UnknownBlocked.class);
            var result = users.as(operator, () -> controls.engageKillSwitch("broker rejects every order"));
            assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                    r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.STATE_UNAVAILABLE));
            assertThat(lastAudit(operator.username(), ControlAction.ENGAGE_KILL_SWITCH).get(AUDIT_EVENT.OUTCOME))
                    .isEqualTo("FAILED");
            var state = api(token).get("/api/v1/state");
            assertThat(state.statusCode()).isEqualTo(503);
            assertThat(state.body()).contains("STATE_UNAVAILABLE");
        }

        ControlKeys.awaitRedis(controls);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!gate.check(OrderPurpose.ENTRY).allowed() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(gate.check(OrderPurpose.ENTRY).allowed()).isTrue();
    }

    @Test
    void changes_reach_the_listeners_again_after_a_redis_outage() throws Exception {
        List<ControlChanged> seen = new CopyOnWriteArrayList<>();
        var subscription = events.subscribe(seen::add);
        try {
            try (var outage = redisOutage()) {
                Thread.sleep(500);
            }
            ControlKeys.awaitRedis(controls);
            TestUser operator = users.operator();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int round = 0;
            while (seen.isEmpty() && System.nanoTime() < until) {
                int n = round++;
                users.as(operator, () -> n % 2 == 0 ? controls.pause("after the outage") : controls.resume("after the outage"));
                Thread.sleep(300);
            }
            assertThat(seen).isNotEmpty();
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void the_openapi_description_lists_every_control_endpoint() {
        var response = api().get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/state", "/api/v1/pause", "/api/v1/resume",
                "/api/v1/kill-switch/engage", "/api/v1/kill-switch/disengage", "/api/v1/circuit-breaker/trip",
                "/api/v1/circuit-breaker/reset");
    }

    @Test
    void every_change_reaches_the_listeners_in_order() throws Exception {
        List<ControlChanged> seen = new CopyOnWriteArrayList<>();
        var subscription = events.subscribe(seen::add);
        try {
            Thread.sleep(200);
            users.as(users.admin(), () -> {
                controls.pause("one");
                controls.engageKillSwitch("two two two");
                controls.resume("three");
                controls.disengageKillSwitch("four", "CONFIRM");
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < 4 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            List<String> reasons = new ArrayList<>(seen.stream().map(ControlChanged::reason).toList());
            assertThat(reasons).containsExactly("one", "two two two", "three", "four");
        } finally {
            subscription.cancel();
        }
    }
}
