package io.tradepilot.controls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.tradepilot.controls.KillSwitchTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String GOOD_REASON = "data feed restored and verified";
    private final ControlRules rules = ControlRules.defaults();

    @Test
    void tripping_with_a_listed_reason_trips_it_and_keeps_the_reason() {
        var decision = CircuitBreaker.initial().trip("olga", TripReason.DATA_STALE, null, NOW, rules);

        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            var next = (CircuitBreaker) applied.next();
            assertThat(next.state()).isEqualTo(CircuitBreakerState.TRIPPED);
            assertThat(next.tripReason()).contains(TripReason.DATA_STALE);
            assertThat(next.lastChange()).contains(new Change("olga", NOW, "DATA_STALE"));
            assertThat(applied.change().detail()).isEqualTo("DATA_STALE");
        });
    }

    @Test
    void tripping_by_hand_needs_free_text_which_is_kept() {
        assertRefused(CircuitBreaker.initial().trip("olga", TripReason.MANUAL, " ", NOW, rules), RefusalCode.REASON_REQUIRED);
        assertRefused(CircuitBreaker.initial().trip("olga", null, "anything", NOW, rules), RefusalCode.REASON_REQUIRED);

        var decision = CircuitBreaker.initial().trip("olga", TripReason.MANUAL, "odd fills on NIFTY", NOW, rules);

        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            assertThat(((CircuitBreaker) applied.next()).tripDetail()).isEqualTo("odd fills on NIFTY");
            assertThat(applied.change().reason()).isEqualTo("MANUAL: odd fills on NIFTY");
        });
    }

    @Test
    void tripping_a_tripped_breaker_is_refused() {
        assertRefused(tripped(CircuitBreaker.initial(), NOW).trip("bob", TripReason.MAX_DRAWDOWN, null, NOW, rules),
                RefusalCode.ALREADY_TRIPPED);
    }

    @Test
    void resetting_is_only_possible_from_tripped() {
        assertRefused(CircuitBreaker.initial().reset("olga", GOOD_REASON, true, NOW, rules), RefusalCode.NOT_TRIPPED);
    }

    @Test
    void resetting_needs_a_reason_of_twenty_characters_and_the_ticked_acknowledgement() {
        var tripped = tripped(CircuitBreaker.initial(), NOW);

        assertRefused(tripped.reset("olga", "nineteen characters", true, NOW, rules), RefusalCode.REASON_TOO_SHORT);
        assertRefused(tripped.reset("olga", GOOD_REASON, false, NOW, rules), RefusalCode.ACKNOWLEDGEMENT_REQUIRED);

        var decision = tripped.reset("olga", "twenty characters!!!", true, NOW, rules);
        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            var next = (CircuitBreaker) applied.next();
            assertThat(next.state()).isEqualTo(CircuitBreakerState.OPEN);
            assertThat(next.tripReason()).isEmpty();
            assertThat(next.lastResetAt()).contains(NOW);
        });
    }

    @Test
    void a_second_reset_within_a_minute_is_rate_limited_whoever_asks() {
        var reset = reset(tripped(CircuitBreaker.initial(), NOW), "olga", NOW);
        var trippedAgain = tripped(reset, NOW.plusSeconds(10));

        var decision = trippedAgain.reset("bob", GOOD_REASON, true, NOW.plusSeconds(30), rules);

        assertRefused(decision, RefusalCode.RATE_LIMITED);
        assertThat(((Decision.Refused<?>) decision).refusal().retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_reset_a_minute_after_the_last_one_is_allowed() {
        var reset = reset(tripped(CircuitBreaker.initial(), NOW), "olga", NOW);
        var trippedAgain = tripped(reset, NOW.plusSeconds(10));

        assertThat(trippedAgain.reset("bob", GOOD_REASON, true, NOW.plusSeconds(60), rules))
                .isInstanceOf(Decision.Applied.class);
    }

    @Test
    void the_last_reset_time_survives_a_trip() {
        var reset = reset(tripped(CircuitBreaker.initial(), NOW), "olga", NOW);

        assertThat(tripped(reset, NOW.plusSeconds(1)).lastResetAt()).isEqualTo(Optional.of(NOW));
    }

    private CircuitBreaker tripped(CircuitBreaker breaker, Instant at) {
        return (CircuitBreaker) ((Decision.Applied<?>) breaker.trip("olga", TripReason.BROKER_ERRORS, null, at, rules)).next();
    }

    private CircuitBreaker reset(CircuitBreaker breaker, String user, Instant at) {
        return (CircuitBreaker) ((Decision.Applied<?>) breaker.reset(user, GOOD_REASON, true, at, rules)).next();
    }
}
