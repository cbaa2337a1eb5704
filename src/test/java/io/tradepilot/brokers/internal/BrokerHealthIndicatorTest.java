package io.tradepilot.brokers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.brokers.BrokerHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BrokerHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Health health(BrokerHealth... sources) {
        return new BrokerHealthIndicator(List.of(sources), CLOCK, Duration.ofHours(12)).health();
    }

    private static BrokerHealth one(boolean connected, Instant expiry) {
        return () -> List.of(new BrokerHealth.Account("acc-1", "kite", connected, expiry, ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> account(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("accounts")).get("acc-1");
    }

    @Test
    void without_any_source_or_account_it_is_up_and_says_none_configured() {
        assertThat(health().getStatus()).isEqualTo(Status.UP);
        assertThat(health().getDetails()).containsEntry("accounts", "none configured");
        assertThat(health(List::of).getDetails()).containsEntry("accounts", "none configured");
    }

    @Test
    void a_connected_account_with_a_valid_token_is_up_with_the_time_left() {
        Health health = health(one(true, NOW.plus(Duration.ofDays(1))));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(account(health)).containsEntry("connected", true).containsEntry("tokenExpiresIn", "86400 s")
                .doesNotContainKey("expiresSoon");
    }

    @Test
    void a_token_expiring_within_the_warning_is_flagged_but_still_up() {
        Health health = health(one(true, NOW.plus(Duration.ofHours(2))));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(account(health)).containsEntry("expiresSoon", true);
    }

    @Test
    void an_expired_token_or_a_lost_connection_is_down() {
        assertThat(health(one(true, NOW)).getStatus()).isEqualTo(Status.DOWN);
        assertThat(account(health(one(true, NOW.minusSeconds(1))))).containsEntry("token", "expired");
        assertThat(health(one(false, null)).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_source_that_throws_makes_it_down_instead_of_failing_the_check() {
        BrokerHealth broken = () -> {
            throw new IllegalStateException("boom");
        };
        assertThat(health(broken).getStatus()).isEqualTo(Status.DOWN);
        assertThat(health(broken, one(true, null)).getStatus()).isEqualTo(Status.DOWN);
    }
}
