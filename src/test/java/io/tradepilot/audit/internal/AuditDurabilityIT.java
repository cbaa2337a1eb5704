package io.tradepilot.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlKeys;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingState;
import io.tradepilot.security.ApiTokenService;
import io.tradepilot.security.SecurityRefusal;
import io.tradepilot.testing.Eventually;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log while PostgreSQL refuses it — made to fail for real by a trigger that raises on every insert and
 * update of {@code audit_event}, created and dropped by the test: an action that makes trading safer is applied
 * and its record kept in the spool, then written exactly once when the fault is gone; any other is refused with
 * 503 AUDIT_UNAVAILABLE, changes nothing and is still audited. And text with control characters is refused with
 * 422 INVALID_TEXT naming the field, changing nothing, audited with the characters escaped.
 */
class AuditDurabilityIT extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ControlService controls;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    AuditProperties properties;
    @Autowired
    JooqAuditStore store;
    @Autowired
    ApiTokenService tokens;

    private TestUser operator;
    private String token;

    @BeforeEach
    void freshControlsAndAnOperatorWithAToken() {
        ControlKeys.clear(redis);
        operator = users.operator();
        token = users.apiToken(operator);
        spoolEmptied(); // what an earlier test spooled: until it is written, records join it there
    }

    private void spoolEmptied() {
        Eventually.eventually(Duration.ofSeconds(30), () -> {
            try {
                return spooled().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "the spool is emptied");
    }

    @AfterEach
    void auditStoreBack() {
        jdbc.execute("DROP TRIGGER IF EXISTS audit_store_down ON audit_event");
        jdbc.execute("DROP FUNCTION IF EXISTS audit_store_down()");
    }

    private void auditStoreDown() {
        jdbc.execute("CREATE OR REPLACE FUNCTION audit_store_down() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'audit store down (test)'; END $$");
        jdbc.execute("CREATE TRIGGER audit_store_down BEFORE INSERT OR UPDATE ON audit_event "
                + "FOR EACH ROW EXECUTE FUNCTION audit_store_down()");
    }

    /** The user's audit records, but for the creation of their token by the test's setup. */
    private List<Map<String, Object>> auditOf(String username) {
        return jdbc.queryForList("select action, outcome, reason, detail, event_id from audit_event where username = ? "
                + "and not (action = 'API_TOKEN_CREATED' and outcome = 'SUCCESS') order by id", username);
    }

    private TradingState trading() {
        return ((ControlsReading.Known) controls.read()).trading().state();
    }

    private String spooled() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(properties.spoolDirectory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void a_pause_is_applied_while_the_audit_store_fails_and_its_record_written_exactly_once_when_it_is_back() throws IOException {
        auditStoreDown();

        HttpResponse<String> pause = api(token).post("/api/v1/pause", "{\"reason\":\"audit store down drill\"}");
        HttpResponse<String> resume = api(token).post("/api/v1/resume", "{\"reason\":\"not while unaudited\"}");

        assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);
        assertThat(resume.statusCode()).as(resume.body()).isEqualTo(503);
        assertThat(resume.body()).contains("\"code\":\"AUDIT_UNAVAILABLE\"");
        assertThat(trading()).as("the resume changed nothing").isEqualTo(TradingState.PAUSED);
        assertThat(auditOf(operator.username())).isEmpty();
        assertThat(spooled()).contains(operator.username()).contains("TRADING_PAUSE").contains("TRADING_RESUME");

        auditStoreBack();

        Eventually.eventually(Duration.ofSeconds(30), () -> auditOf(operator.username()).size() >= 2,
                "the spooled records are written once the audit store is back");
        List<Map<String, Object>> rows = auditOf(operator.username());
        assertThat(rows).extracting(r -> r.get("action"), r -> r.get("outcome")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TRADING_PAUSE", "SUCCESS"),
                org.assertj.core.groups.Tuple.tuple("TRADING_RESUME", "FAILED"));
        assertThat((String) rows.get(1).get("detail")).startsWith("AUDIT_UNAVAILABLE");
        spoolEmptied();

        // a crash after the drain wrote them but before it forgot them: writing them again changes nothing
        List<AuditRecord> again = rows.stream().map(r -> new AuditRecord((UUID) r.get("event_id"), clock.instant(),
                new AuditEntry(operator.username(), (String) r.get("action"), "trading", null, AuditOutcome.SUCCESS, "again", null)))
                .toList();
        store.upsert(again);
        assertThat(auditOf(operator.username())).isEqualTo(rows);

        // and once it is back, the resume is recorded first and applied
        HttpResponse<String> resumed = api(token).post("/api/v1/resume", "{\"reason\":\"audit store is back\"}");
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(trading()).isEqualTo(TradingState.ACTIVE);
        assertThat(auditOf(operator.username())).last().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo("TRADING_RESUME");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void a_record_begun_before_a_change_and_completed_while_the_store_fails_is_completed_from_the_spool() {
        var log = new DurableAuditLog(store, AuditSpool.open(properties.spoolDirectory().resolveSibling(UUID.randomUUID().toString()),
                tools.jackson.databind.json.JsonMapper.builder().build()), clock);
        String user = "pending-" + UUID.randomUUID();
        try (log) {
            var pending = log.begin(new AuditEntry(user, "TRADING_RESUME", "trading", "why", AuditOutcome.PENDING, null, null));
            assertThat(auditOf(user)).extracting(r -> r.get("outcome")).containsExactly("PENDING");
            auditStoreDown();
            pending.complete(AuditOutcome.SUCCESS, "PAUSED -> ACTIVE");
            auditStoreBack();

            assertThat(auditOf(user)).extracting(r -> r.get("outcome")).containsExactly("PENDING");
            assertThat(log.drain()).isEqualTo(1);
            assertThat(auditOf(user)).extracting(r -> r.get("outcome"), r -> r.get("detail"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SUCCESS", "PAUSED -> ACTIVE"));
        }
    }

    @Test
    void user_and_token_administration_is_refused_while_its_record_cannot_be_written() {
        auditStoreDown();

        assertThatThrownBy(() -> users.as(operator, () -> tokens.create("while the audit store is down", null)))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("audit log cannot be written");

        auditStoreBack();
        assertThat(users.as(operator, () -> tokens.listMine())).extracting(t -> t.name()).containsExactly("test token");
        Eventually.eventually(Duration.ofSeconds(30), () -> auditOf(operator.username()).stream()
                .anyMatch(r -> "API_TOKEN_CREATED".equals(r.get("action")) && "FAILED".equals(r.get("outcome"))),
                "the refused token is audited once the store is back");
    }

    @Test
    void a_control_character_in_any_text_is_a_422_naming_the_field_and_changes_nothing() {
        HttpResponse<String> pause = api(token).post("/api/v1/pause", "{\"reason\":\"nul\\u0000 in reason\"}");
        HttpResponse<String> disengage = api(users.apiToken(users.newAdmin())).post("/api/v1/kill-switch/disengage",
                "{\"notes\":\"fine\",\"confirm\":\"CONF\\u0007IRM\"}");
        HttpResponse<String> trip = api(token).post("/api/v1/circuit-breaker/trip", "{\"reason\":\"feed\\u001b[31m stuck\"}");
        HttpResponse<String> cancelAll = api(token).post("/api/v1/orders/cancel-all", "{\"symbol\":\"SYNTH\\u0085\",\"reason\":\"enough of these\"}");
        HttpResponse<String> order = api(token).post("/api/v1/orders", "{\"symbol\":\"SYNTH-ALPHA\",\"side\":\"BUY\\u0000\","
                + "\"quantity\":1,\"type\":\"MARKET\",\"reason\":\"a manual order\"}");
        HttpResponse<String> preview = api(token).post("/api/v1/orders/preview", "{\"symbol\":\"SYNTH\\uD800\",\"side\":\"BUY\","
                + "\"quantity\":1,\"type\":\"MARKET\"}");

        assertInvalidText(pause, "reason");
        assertInvalidText(disengage, "confirm");
        assertInvalidText(trip, "reason");
        assertInvalidText(cancelAll, "symbol");
        assertInvalidText(order, "side");
        assertInvalidText(preview, "symbol");
        for (Control control : Control.values()) {
            assertThat(controls.history(control, 10)).as(control.name()).isEmpty();
        }
        assertThat(trading()).isEqualTo(TradingState.ACTIVE);
        assertThat(auditOf(operator.username())).extracting(r -> r.get("action"), r -> r.get("outcome"), r -> r.get("reason"))
                .contains(org.assertj.core.groups.Tuple.tuple("TRADING_PAUSE", "FAILED", "nul\\u0000 in reason"))
                .allSatisfy(r -> assertThat(r.toList().get(1)).isEqualTo("FAILED"));
    }

    private static void assertInvalidText(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"INVALID_TEXT\"").contains("\"field\":\"" + field + "\"");
    }
}
