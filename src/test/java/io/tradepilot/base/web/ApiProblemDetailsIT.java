package io.tradepilot.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bad input to the REST API gets a 4xx problem detail, never a 5xx; over real HTTP. */
@Import(ApiProblemDetailsIT.ProbeConfiguration.class)
class ApiProblemDetailsIT extends IntegrationTestSupport {

    private String token;

    @BeforeEach
    void token() {
        token = users.apiToken(users.viewer());
    }

    @Test
    void malformed_json_is_a_400_problem() {
        HttpResponse<String> response = api(token).post("/api/probe/echo", "{\"reason\": ");

        assertProblem(response, 400, "not valid JSON");
        assertThat(response.body()).contains("\"code\":\"MALFORMED_BODY\"");
    }

    @Test
    void a_body_failing_validation_is_a_400_problem_naming_the_field() {
        HttpResponse<String> response = api(token).post("/api/probe/echo", "{\"reason\": \"short\"}");

        assertProblem(response, 400, "invalid");
        assertThat(response.body()).contains("\"errors\"").contains("\"reason\"")
                .contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() {
        String big = "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(api(token).post("/api/probe/echo", big), 413, "larger than");
    }

    @Test
    void a_chunked_body_growing_over_the_limit_is_a_413_problem() {
        byte[] big = ("{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        HttpRequest.Builder request = api(token).request("/api/probe/echo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        assertProblem(api(token).send(request), 413, "too large");
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() {
        assertProblem(api(token).get("/api/v1/no-such-thing"), 404, "no API endpoint");
    }

    @Test
    void a_role_that_may_not_call_an_endpoint_gets_a_403_problem() {
        assertProblem(api(token).get("/api/probe/admin-only"), 403, "role");
    }

    @Test
    void an_unexpected_error_is_a_500_problem_without_internals() {
        HttpResponse<String> response = api(token).get("/api/probe/boom");

        assertProblem(response, 500, "unexpected");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    @Test
    void a_valid_request_passes() {
        HttpResponse<String> response = api(token).post("/api/probe/echo", "{\"reason\": \"long enough reason\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("long enough reason");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).containsIgnoringCase(detailPart)
                .containsPattern("\"code\":\"[A-Z_]+\"");
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(ProbeController.class)
    static class ProbeConfiguration {
    }

    record Echo(@NotBlank @Size(min = 10) String reason) {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/api/probe/echo")
        Echo echo(@Valid @RequestBody Echo echo) {
            return echo;
        }

        @GetMapping("/api/probe/admin-only")
        @PreAuthorize("hasRole('ADMIN')")
        String adminOnly() {
            return "admin";
        }

        @GetMapping("/api/probe/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }
    }
}
