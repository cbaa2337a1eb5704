package io.tradepilot.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthEndpointIT extends IntegrationTestSupport {

    @Test
    void liveness_is_served_to_anonymous_callers_as_up() {
        HttpResponse<String> response = api().get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_openapi_description_is_public() {
        HttpResponse<String> response = api().get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"").contains("\"bearer\"").contains("/api/v1/me");
    }

    @Test
    void other_actuator_endpoints_are_closed() {
        assertThat(api().get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }
}
