package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.InMemoryControlStore;
import io.tradepilot.controls.TripReason;
import io.tradepilot.controls.internal.ControlAuthorization;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three consecutive broker failures at an adapter trip the platform's circuit breaker with BROKER_ERRORS. */
class ControlsBrokerErrorsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ControlService controls = new ControlService(new InMemoryControlStore(clock), new ControlAuthorization(audit::add),
            audit::add, ControlRules.defaults(), clock);
    private final BrokerCallGuard guard = new BrokerCallGuard("alpaca",
            new BrokerCallGuard.Settings(200, Duration.ofMillis(10), 3, Duration.ofMinutes(1), 1, Duration.ofMillis(1)),
            e -> e instanceof IllegalStateException, e -> false, new ControlsBrokerErrors(controls));

    @Test
    void three_consecutive_broker_failures_trip_the_circuit_breaker_with_broker_errors() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.write(() -> { throw new IllegalStateException("HTTP 503"); })).isInstanceOf(IllegalStateException.class);
        }

        var breaker = ((ControlsReading.Known) controls.read()).circuitBreaker();
        assertThat(breaker.tripped()).isTrue();
        assertThat(breaker.tripReason()).contains(TripReason.BROKER_ERRORS);
        assertThat(breaker.tripDetail()).isEqualTo("alpaca: 3 consecutive broker failures");
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo(ControlService.SYSTEM_USER);
            assertThat(a.reason()).isEqualTo("BROKER_ERRORS: alpaca: 3 consecutive broker failures");
        });
    }

    @Test
    void two_failures_and_an_answer_do_not_trip_it() {
        assertThatThrownBy(() -> guard.write(() -> { throw new IllegalStateException("HTTP 503"); })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> guard.write(() -> { throw new IllegalStateException("HTTP 503"); })).isInstanceOf(IllegalStateException.class);
        guard.write(() -> "200 OK");

        assertThat(((ControlsReading.Known) controls.read()).circuitBreaker().tripped()).isFalse();
        assertThat(audit).isEmpty();
    }
}
