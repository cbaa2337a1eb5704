package io.tradepilot.controls.web;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlService;
import io.tradepilot.testing.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the control API through the real filters and Tomcat: every answer is a 4xx problem
 * detail, never a 5xx, and nothing changes.
 */
class ControlApiBadInputIT extends IntegrationTestSupport {

    @Autowired
    ControlService controls;
    @Autowired
    StringRedisTemplate redis;
    private String token;

    @BeforeEach
    void anOperatorWithAToken() {
        List<String> keys = new ArrayList<>();
        for (Control c : Control.values()) {
            keys.add(c.key() + ":state");
            keys.add(c.key() + ":history");
        }
        redis.delete(keys);
        token = users.apiToken(users.operator());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private void assertNothingChanged() {
        for (Control control : Control.values()) {
            assertThat(controls.history(control, 10)).as(control.name()).isEmpty();
        }
    }

    @Test
    void malformed_json_is_a_400_problem() {
        assertProblem(api(token).post("/api/v1/kill-switch/engage", "{\"reason\": "), 400);
        assertProblem(api(token).post("/api/v1/kill-switch/engage", "[1, 2]"), 400);
        assertProblem(api(token).post("/api/v1/circuit-breaker/reset", "{\"reason\":\"a long enough reason here\",\"acknowledge\":\"perhaps\"}"), 400);
        assertNothingChanged();
    }

    @Test
    void a_missing_body_is_a_400_problem() {
        assertProblem(api(token).post("/api/v1/kill-switch/engage", ""), 400);
        assertNothingChanged();
    }

    @Test
    void a_short_or_missing_reason_is_a_422_problem_with_a_code() {
        var response = api(token).post("/api/v1/kill-switch/engage", "{\"reason\":null}");
        assertProblem(response, 422);
        assertThat(response.body()).contains("\"code\":\"REASON_TOO_SHORT\"");
        assertProblem(api(token).post("/api/v1/circuit-breaker/trip", "{}"), 422);
        assertNothingChanged();
    }

    @Test
    void an_oversized_field_or_body_is_refused_with_a_4xx() {
        assertProblem(api(token).post("/api/v1/kill-switch/engage", "{\"reason\":\"" + "x".repeat(3000) + "\"}"), 400);
        var huge = api(token).post("/api/v1/kill-switch/engage", "{\"reason\":\"" + "x".repeat(200_000) + "\"}");
        assertThat(huge.statusCode()).as(huge.body()).isBetween(400, 499);
        assertNothingChanged();
    }

    @Test
    void a_wrong_content_type_or_method_is_a_4xx_problem() {
        var text = api(token).send(api(token).request("/api/v1/kill-switch/engage").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("engage it now please")));
        assertProblem(text, 415);
        var get = api(token).get("/api/v1/kill-switch/engage");
        assertThat(get.statusCode()).as(get.body()).isBetween(400, 499);
        assertNothingChanged();
    }
}
