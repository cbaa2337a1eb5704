package io.tradepilot.controls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalProblemsTest {

    @Test
    void each_kind_of_refusal_has_its_status_and_a_rate_limit_says_when_to_retry_in_whole_seconds() {
        assertThat(RefusalProblems.response(new Refusal(RefusalCode.NOT_FOUND, "x")).getStatusCode().value()).isEqualTo(404);
        assertThat(RefusalProblems.response(new Refusal(RefusalCode.KILL_SWITCH_ENGAGED, "x")).getStatusCode().value()).isEqualTo(409);
        assertThat(RefusalProblems.response(new Refusal(RefusalCode.RISK_REJECTED, "x")).getStatusCode().value()).isEqualTo(422);
        assertThat(RefusalProblems.response(new Refusal(RefusalCode.ENGINE_UNAVAILABLE, "x")).getStatusCode().value()).isEqualTo(503);
        var limited = RefusalProblems.response(new Refusal(RefusalCode.RATE_LIMITED, "slow down", Optional.of(Duration.ofMillis(1500))));
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(limited.getBody().getProperties()).containsEntry("code", "RATE_LIMITED");
        assertThat(limited.getBody().getType().toString()).isEqualTo("https://tradepilot.io/problems/rate-limited");
        assertThat(RefusalProblems.response(new Refusal(RefusalCode.RATE_LIMITED, "x", Optional.of(Duration.ofMillis(10))))
                .getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }
}
