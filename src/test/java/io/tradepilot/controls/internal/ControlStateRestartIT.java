package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TripReason;
import io.tradepilot.testing.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The control state lives in Redis, not in the process: a new service instance (a restart) sees it all. */
class ControlStateRestartIT extends IntegrationTestSupport {

    @Autowired
    ControlService controls;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void a_restarted_service_sees_the_state_and_history_left_by_the_previous_one() {
        List<String> keys = new ArrayList<>();
        for (Control c : Control.values()) {
            keys.add(c.key() + ":state");
            keys.add(c.key() + ":history");
        }
        redis.delete(keys);
        users.as(users.operator(), () -> {
            controls.tripCircuitBreaker(TripReason.BROKER_ERRORS, "five rejects in a row");
            controls.engageKillSwitch("broker rejects every order");
        });

        List<AuditEntry> audit = new ArrayList<>();
        var store = new RedisControlStore(redis, JsonMapper.builder().build(), clock, "", 1000);
        var restarted = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), clock);
        var reading = (ControlsReading.Known) restarted.read();

        assertThat(reading.killSwitch().engaged()).isTrue();
        assertThat(reading.killSwitch().lastChange()).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("broker rejects every order"));
        assertThat(reading.circuitBreaker().tripReason()).contains(TripReason.BROKER_ERRORS);
        assertThat(reading.circuitBreaker().tripDetail()).isEqualTo("five rejects in a row");
        assertThat(restarted.history(Control.CIRCUIT_BREAKER, 10)).hasSize(1);
        assertThat(restarted.history(Control.KILL_SWITCH, 10)).hasSize(1);
    }
}
