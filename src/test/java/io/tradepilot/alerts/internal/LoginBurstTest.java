package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.security.LoginFailed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginBurstTest {

    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    private static LoginFailed at(int seconds) {
        return new LoginFailed("alice", "10.0.0.9", T0.plusSeconds(seconds));
    }

    @Test
    void the_failure_that_makes_the_threshold_within_the_window_is_a_burst_and_the_count_starts_again() {
        LoginBurst burst = new LoginBurst(3, Duration.ofMinutes(5));
        assertThat(burst.add(at(0))).isEmpty();
        assertThat(burst.add(at(60))).isEmpty();
        assertThat(burst.add(at(120))).hasValueSatisfying(b -> assertThat(b.failures()).hasSize(3));
        assertThat(burst.add(at(130))).as("counting starts again").isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        LoginBurst burst = new LoginBurst(3, Duration.ofMinutes(5));
        burst.add(at(0));
        burst.add(at(10));
        assertThat(burst.add(at(301))).as("the first fell out of the window").isEmpty();
        assertThat(burst.add(at(302))).isPresent();
    }
}
