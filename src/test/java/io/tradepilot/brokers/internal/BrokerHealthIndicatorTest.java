package io.tradepilot.brokers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.VenueHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BrokerHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Health health(Supplier<Optional<BrokerHealthIndicator.Active>> active) {
        return new BrokerHealthIndicator(active, CLOCK, Duration.ofHours(12)).health();
    }

    private static Health session(VenueHealth h) {
        return health(() -> Optional.of(new BrokerHealthIndicator.Active("paper-1", BrokerKind.ALPACA, null, h)));
    }

    private static VenueHealth up(Instant expiry) {
        return new VenueHealth(true, false, 180, expiry, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> account(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("accounts")).get("paper-1");
    }

    @Test
    void without_an_active_account_it_is_up_and_says_none_configured() {
        Health health = health(Optional::empty);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("accounts", "none configured");
    }

    @Test
    void a_connected_session_with_a_valid_token_is_up_with_the_time_left_and_headroom() {
        Health health = session(up(NOW.plus(Duration.ofDays(1))));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(account(health)).containsEntry("broker", "alpaca").containsEntry("connected", true)
                .containsEntry("rateLimitHeadroom", 180).containsEntry("tokenExpiresIn", "86400 s")
                .doesNotContainKey("expiresSoon");
    }

    @Test
    void a_token_expiring_within_the_warning_is_flagged_but_still_up() {
        Health health = session(up(NOW.plus(Duration.ofHours(2))));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(account(health)).containsEntry("expiresSoon", true);
    }

    @Test
    void an_expired_token_a_lost_connection_or_failing_broker_calls_are_down() {
        assertThat(session(up(NOW)).getStatus()).isEqualTo(Status.DOWN);
        assertThat(account(session(up(NOW.minusSeconds(1))))).containsEntry("token", "expired");
        Health lost = session(new VenueHealth(false, false, -1, null, "stream closed"));
        assertThat(lost.getStatus()).isEqualTo(Status.DOWN);
        assertThat(account(lost)).containsEntry("lastError", "stream closed").doesNotContainKey("rateLimitHeadroom");
        assertThat(session(new VenueHealth(true, true, 10, null, null)).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void an_active_account_without_a_session_here_is_unknown_with_its_stored_token_expiry() {
        Health health = health(() -> Optional.of(new BrokerHealthIndicator.Active("paper-1", BrokerKind.ALPACA,
                NOW.minusSeconds(60), null)));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(account(health)).containsEntry("session", "not open on this instance").containsEntry("token", "expired");
        Health unknown = health(() -> Optional.of(new BrokerHealthIndicator.Active("paper-1", BrokerKind.ALPACA, null, null)));
        assertThat(unknown.getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_account_that_cannot_be_read_makes_it_down_instead_of_failing_the_check() {
        Health health = health(() -> {
            throw new IllegalStateException("database down");
        });
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }
}
