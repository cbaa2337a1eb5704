package io.tradepilot.controls;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.internal.ControlAuthorization;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's own path into the controls: no signed-in user, audited as {@code system}, same rules. */
class ControlServiceAutomaticTriggersTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryControlStore store = new InMemoryControlStore(clock);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ControlService service = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
            ControlRules.defaults(), clock);

    @Test
    void stale_data_trips_the_breaker_without_a_signed_in_user_and_is_audited_as_system() {
        var result = service.tripCircuitBreakerAutomatically(TripReason.DATA_STALE, "no bar for 75 s");

        assertThat(result).isInstanceOf(ControlResult.Applied.class);
        var breaker = ((ControlsReading.Known) service.read()).circuitBreaker();
        assertThat(breaker.tripReason()).contains(TripReason.DATA_STALE);
        assertThat(breaker.lastChange().orElseThrow().user()).isEqualTo(ControlService.SYSTEM_USER);
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("system");
            assertThat(a.action()).isEqualTo("CIRCUIT_BREAKER_TRIP");
            assertThat(a.reason()).isEqualTo("DATA_STALE: no bar for 75 s");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
    }

    @Test
    void a_second_automatic_trip_is_refused_and_audited_as_failed() {
        service.tripCircuitBreakerAutomatically(TripReason.DAILY_LOSS_EXCEEDED, "daily loss 1.9 %");

        var again = service.tripCircuitBreakerAutomatically(TripReason.DATA_STALE, "no bar for 75 s");

        assertThat(again).isInstanceOf(ControlResult.Refused.class);
        assertThat(audit).last().satisfies(a -> {
            assertThat(a.username()).isEqualTo("system");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.FAILED);
        });
    }

    @Test
    void a_loss_limit_engages_the_kill_switch_as_system_when_configured_so() {
        var result = service.engageKillSwitchAutomatically("Daily loss exceeded: daily loss 19000 >= 18000");

        assertThat(result).isInstanceOf(ControlResult.Applied.class);
        var kill = ((ControlsReading.Known) service.read()).killSwitch();
        assertThat(kill.engaged()).isTrue();
        assertThat(kill.lastChange().orElseThrow().user()).isEqualTo("system");
        assertThat(audit).singleElement().satisfies(a -> assertThat(a.username()).isEqualTo("system"));
    }
}
