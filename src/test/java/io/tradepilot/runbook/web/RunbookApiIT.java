package io.tradepilot.runbook.web;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runbook's REST API on real PostgreSQL and Redis: the pre-flight read with its checks' evidence, ticks and a
 * refused completion, incidents opened, annotated and closed; bad input as problems with stable codes; a viewer reads
 * but every change is 403 and audited DENIED.
 */
class RunbookApiIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DSLContext db;

    @BeforeEach
    void emptyRunbookTables() {
        db.execute("TRUNCATE preflight_tick, preflight_completion, risk_limits_review, incident_entry, incident CASCADE");
    }

    @Test
    void an_operator_ticks_the_preflight_and_runs_an_incident_over_rest() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);

        JsonNode sheet = ok(api(token).get("/api/v1/runbook/preflight"), 200);
        String day = sheet.get("day").asString();
        assertThat(sheet.get("complete").asBoolean()).isFalse();
        assertThat(sheet.get("checks").findValuesAsString("id")).contains("postgresql", "redis", "broker");
        assertThat(sheet.get("checks").get(0).get("result").get("status").asString()).isEqualTo("PASS");

        JsonNode ticked = ok(put(token, "/api/v1/runbook/preflight/items/news", "{\"ticked\":true}"), 200);
        assertThat(ticked.get("sheet").get("items").findValues("tickedAt").stream().filter(n -> !n.isNull()).count()).isEqualTo(1);
        assertProblem(put(token, "/api/v1/runbook/preflight/items/no-such-item", "{\"ticked\":true}"), 400, "UNKNOWN_ITEM");
        assertProblem(put(token, "/api/v1/runbook/preflight/items/news", "{}"), 400, "INVALID_PARAMETER");
        assertProblem(put(token, "/api/v1/runbook/preflight/items/news", "{not json"), 400, null);
        // no engine in this context: the engine checks fail, so completing is refused, naming what is missing
        HttpResponse<String> notReady = api(token).post("/api/v1/runbook/preflight/complete", "");
        assertProblem(notReady, 409, "NOT_READY");
        assertThat(notReady.body()).contains("An instance runs the engine");
        assertThat(ok(api(token).post("/api/v1/runbook/preflight/risk-limits/review", ""), 200).get("latest")
                .get("username").asString()).isEqualTo(operator.username());

        JsonNode incident = ok(api(token).post("/api/v1/runbook/incidents",
                "{\"title\":\"Feed stalled at the open\",\"firstEntry\":\"No bars since 09:16\"}"), 201);
        long id = incident.get("id").asLong();
        assertThat(incident.get("status").asString()).isEqualTo("OPEN");
        ok(api(token).post("/api/v1/runbook/incidents/" + id + "/entries", "{\"text\":\"Restarted the feed\"}"), 200);
        JsonNode closed = ok(api(token).post("/api/v1/runbook/incidents/" + id + "/close", "{\"text\":\"Bars flow again\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("timeline").findValuesAsString("text")).containsExactly("No bars since 09:16", "Restarted the feed");
        assertThat(ok(api(token).get("/api/v1/runbook/incidents/" + id), 200).get("resolution").asString()).isEqualTo("Bars flow again");
        assertThat(ok(api(token).get("/api/v1/runbook/incidents?limit=5"), 200).findValuesAsString("title")).contains("Feed stalled at the open");

        assertProblem(api(token).post("/api/v1/runbook/incidents/" + id + "/entries", "{\"text\":\"too late\"}"), 409, "INCIDENT_CLOSED");
        assertProblem(api(token).get("/api/v1/runbook/incidents/987654"), 404, "INCIDENT_NOT_FOUND");
        assertProblem(api(token).get("/api/v1/runbook/incidents/abc"), 400, "INVALID_PARAMETER");
        assertProblem(api(token).get("/api/v1/runbook/incidents?limit=0"), 400, null);
        assertProblem(api(token).post("/api/v1/runbook/incidents", "{\"title\":\"x\"}"), 422, "TEXT_TOO_SHORT");
        assertProblem(api(token).post("/api/v1/runbook/incidents", "{\"title\":\"two\\nlines\"}"), 422, "INVALID_TEXT");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("PREFLIGHT_TICKED"),
                AUDIT_EVENT.USERNAME.eq(operator.username()), AUDIT_EVENT.TARGET.eq("preflight:" + day))).isEqualTo(2);
    }

    @Test
    void a_viewer_reads_but_every_change_is_forbidden_and_audited() {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);

        ok(api(token).get("/api/v1/runbook/preflight"), 200);
        ok(api(token).get("/api/v1/runbook/incidents"), 200);
        assertProblem(put(token, "/api/v1/runbook/preflight/items/news", "{\"ticked\":true}"), 403, "FORBIDDEN");
        assertProblem(api(token).post("/api/v1/runbook/preflight/complete", ""), 403, "FORBIDDEN");
        assertProblem(api(token).post("/api/v1/runbook/incidents", "{\"title\":\"Viewer incident\"}"), 403, "FORBIDDEN");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(viewer.username()),
                AUDIT_EVENT.ACTION.startsWith("RUNBOOK_"), AUDIT_EVENT.OUTCOME.eq("DENIED"))).isEqualTo(3);
        assertThat(api().get("/api/v1/runbook/preflight").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> put(String token, String path, String json) {
        var client = api(token);
        return client.send(client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
        }
    }
}
