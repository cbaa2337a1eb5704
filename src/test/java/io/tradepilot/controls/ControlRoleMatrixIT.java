package io.tradepilot.controls;

import io.tradepilot.security.Roles.Role;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every control, for every role, through the service layer (method security on) and through the
 * REST API with real API tokens (and anonymously): allowed or denied exactly as BEHAVIOUR.md says,
 * and every denial written to the audit log.
 */
class ControlRoleMatrixIT extends IntegrationTestSupport {

    /** The specification, written out by hand rather than derived from the code under test. */
    private static final List<Role> ALLOWED_PAUSE = List.of(Role.ADMIN, Role.OPERATOR);
    private static final List<Role> ALLOWED_RESUME = List.of(Role.ADMIN, Role.OPERATOR);
    private static final List<Role> ALLOWED_ENGAGE = List.of(Role.ADMIN, Role.OPERATOR);
    private static final List<Role> ALLOWED_DISENGAGE = List.of(Role.ADMIN);
    private static final List<Role> ALLOWED_TRIP = List.of(Role.ADMIN, Role.OPERATOR);
    private static final List<Role> ALLOWED_RESET = List.of(Role.ADMIN, Role.OPERATOR);

    @Autowired
    ControlService controls;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DSLContext db;

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Role role : List.of(Role.ADMIN, Role.OPERATOR, Role.VIEWER)) {
            rows.add(Arguments.of(role, ControlAction.PAUSE, ALLOWED_PAUSE.contains(role)));
            rows.add(Arguments.of(role, ControlAction.RESUME, ALLOWED_RESUME.contains(role)));
            rows.add(Arguments.of(role, ControlAction.ENGAGE_KILL_SWITCH, ALLOWED_ENGAGE.contains(role)));
            rows.add(Arguments.of(role, ControlAction.DISENGAGE_KILL_SWITCH, ALLOWED_DISENGAGE.contains(role)));
            rows.add(Arguments.of(role, ControlAction.TRIP_CIRCUIT_BREAKER, ALLOWED_TRIP.contains(role)));
            rows.add(Arguments.of(role, ControlAction.RESET_CIRCUIT_BREAKER, ALLOWED_RESET.contains(role)));
        }
        return rows.stream();
    }

    @BeforeEach
    void startFromClearControls() {
        ControlKeys.clear(redis);
    }

    /** Puts the controls in the state where {@code action} applies (as the first admin). */
    private void prepareFor(ControlAction action) {
        users.as(users.admin(), () -> {
            switch (action) {
                case RESUME -> controls.pause("prepare the matrix row");
                case DISENGAGE_KILL_SWITCH -> controls.engageKillSwitch("prepare the matrix row");
                case RESET_CIRCUIT_BREAKER -> controls.tripCircuitBreaker(TripReason.DATA_STALE, null);
                default -> {
                }
            }
        });
    }

    private ControlResult perform(ControlAction action) {
        return switch (action) {
            case PAUSE -> controls.pause("matrix row");
            case RESUME -> controls.resume("matrix row");
            case ENGAGE_KILL_SWITCH -> controls.engageKillSwitch("matrix row: engage");
            case DISENGAGE_KILL_SWITCH -> controls.disengageKillSwitch("matrix row: all clear", "CONFIRM");
            case TRIP_CIRCUIT_BREAKER -> controls.tripCircuitBreaker(TripReason.MANUAL, "matrix row");
            case RESET_CIRCUIT_BREAKER -> controls.resetCircuitBreaker("matrix row: the cause is fixed", true);
        };
    }

    static String path(ControlAction action) {
        return switch (action) {
            case PAUSE -> "/api/v1/pause";
            case RESUME -> "/api/v1/resume";
            case ENGAGE_KILL_SWITCH -> "/api/v1/kill-switch/engage";
            case DISENGAGE_KILL_SWITCH -> "/api/v1/kill-switch/disengage";
            case TRIP_CIRCUIT_BREAKER -> "/api/v1/circuit-breaker/trip";
            case RESET_CIRCUIT_BREAKER -> "/api/v1/circuit-breaker/reset";
        };
    }

    static String body(ControlAction action) {
        return switch (action) {
            case PAUSE, RESUME -> "{\"reason\":\"matrix row\"}";
            case ENGAGE_KILL_SWITCH -> "{\"reason\":\"matrix row: engage\"}";
            case DISENGAGE_KILL_SWITCH -> "{\"notes\":\"matrix row: all clear\",\"confirm\":\"CONFIRM\"}";
            case TRIP_CIRCUIT_BREAKER -> "{\"reason\":\"MANUAL\",\"detail\":\"matrix row\"}";
            case RESET_CIRCUIT_BREAKER -> "{\"reason\":\"matrix row: the cause is fixed\",\"acknowledge\":true}";
        };
    }

    private Record lastAudit(String username, ControlAction action) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.USERNAME.eq(username), AUDIT_EVENT.ACTION.eq(action.auditName()))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
    }

    private int historySize(ControlAction action) {
        return controls.history(action.control(), 1000).size();
    }

    @ParameterizedTest(name = "{0} {1}: allowed = {2}")
    @MethodSource("matrix")
    void through_the_service_each_role_may_do_exactly_what_it_is_allowed_and_each_denial_is_audited(
            Role role, ControlAction action, boolean allowed) {
        TestUser user = users.create(role);
        prepareFor(action);
        int before = historySize(action);

        if (allowed) {
            ControlResult result = users.as(user, () -> perform(action));
            assertThat(result).isInstanceOf(ControlResult.Applied.class);
            assertThat(historySize(action)).isEqualTo(before + 1);
            assertThat(lastAudit(user.username(), action).get(AUDIT_EVENT.OUTCOME)).isEqualTo("SUCCESS");
        } else {
            assertThatThrownBy(() -> users.as(user, () -> perform(action))).isInstanceOf(AccessDeniedException.class);
            assertThat(historySize(action)).isEqualTo(before);
            var row = lastAudit(user.username(), action);
            assertThat(row).as("the audit record of the denial").isNotNull();
            assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("DENIED");
            assertThat(row.get(AUDIT_EVENT.TARGET)).isEqualTo(action.control().key());
            assertThat(row.get(AUDIT_EVENT.DETAIL)).as("denied by method security, before the method body")
                    .startsWith("denied by method security");
        }
    }

    @ParameterizedTest(name = "{0} {1}: allowed = {2}")
    @MethodSource("matrix")
    void through_the_rest_api_with_a_token_each_role_may_do_exactly_what_it_is_allowed_and_each_denial_is_audited(
            Role role, ControlAction action, boolean allowed) {
        TestUser user = users.create(role);
        String token = users.apiToken(user);
        prepareFor(action);
        int before = historySize(action);

        var response = api(token).post(path(action), body(action));

        if (allowed) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(historySize(action)).isEqualTo(before + 1);
            var row = lastAudit(user.username(), action);
            assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("SUCCESS");
            assertThat(row.get(AUDIT_EVENT.CLIENT_ADDRESS)).isNotBlank();
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(historySize(action)).isEqualTo(before);
            var row = lastAudit(user.username(), action);
            assertThat(row).as("the audit record of the denial").isNotNull();
            assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("DENIED");
            assertThat(row.get(AUDIT_EVENT.CLIENT_ADDRESS)).isNotBlank();
        }
    }

    static Stream<ControlAction> actions() {
        return Stream.of(ControlAction.values());
    }

    private long lastAuditId() {
        Long max = db.select(DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    private Record anonymousAuditAfter(long id, ControlAction action) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.gt(id), AUDIT_EVENT.USERNAME.eq("anonymous"),
                        AUDIT_EVENT.ACTION.eq(action.auditName()))
                .fetchOne();
    }

    @ParameterizedTest(name = "anonymous {0}")
    @MethodSource("actions")
    void anonymously_the_rest_api_refuses_every_control_changes_nothing_and_audits_the_denial(ControlAction action) {
        prepareFor(action);
        int before = historySize(action);
        long lastAudit = lastAuditId();

        var response = api().post(path(action), body(action));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(historySize(action)).isEqualTo(before);
        var row = anonymousAuditAfter(lastAudit, action);
        assertThat(row).as("the audit record of the anonymous attempt").isNotNull();
        assertThat(row.get(AUDIT_EVENT.OUTCOME)).isEqualTo("DENIED");
        assertThat(row.get(AUDIT_EVENT.CLIENT_ADDRESS)).isNotBlank();
    }

    @Test
    void an_expired_token_is_refused_and_the_attempt_audited() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator, clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));
        long lastAudit = lastAuditId();

        var response = api(token).post(path(ControlAction.ENGAGE_KILL_SWITCH), body(ControlAction.ENGAGE_KILL_SWITCH));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("expired");
        assertThat(anonymousAuditAfter(lastAudit, ControlAction.ENGAGE_KILL_SWITCH).get(AUDIT_EVENT.DETAIL))
                .contains("API token refused");
        assertThat(controls.history(Control.KILL_SWITCH, 10)).isEmpty();
    }

    @Test
    void every_role_may_read_the_state_but_nobody_anonymously() {
        for (Role role : List.of(Role.ADMIN, Role.OPERATOR, Role.VIEWER)) {
            String token = users.apiToken(users.create(role));
            assertThat(api(token).get("/api/v1/state").statusCode()).as(role.name()).isEqualTo(200);
        }
        assertThat(api().get("/api/v1/state").statusCode()).isEqualTo(401);
    }
}
