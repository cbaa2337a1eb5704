package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ControlAlertsTest {

    private static ControlChanged change(ControlAction action, String detail) {
        return new ControlChanged(action.control(), action, "A", "B", "system", Instant.EPOCH, "why", detail);
    }

    @Test
    void every_control_change_has_its_rule_and_daily_loss_stale_data_and_broker_error_trips_their_own() {
        assertThat(ControlAlerts.ruleFor(change(ControlAction.ENGAGE_KILL_SWITCH, ""))).isEqualTo(AlertRule.KILL_SWITCH_ENGAGED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.DISENGAGE_KILL_SWITCH, ""))).isEqualTo(AlertRule.KILL_SWITCH_DISENGAGED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.TRIP_CIRCUIT_BREAKER, "MANUAL"))).isEqualTo(AlertRule.CIRCUIT_BREAKER_TRIPPED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.TRIP_CIRCUIT_BREAKER, "MAX_DRAWDOWN"))).isEqualTo(AlertRule.CIRCUIT_BREAKER_TRIPPED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.TRIP_CIRCUIT_BREAKER, "DATA_STALE"))).isEqualTo(AlertRule.STALE_DATA);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.TRIP_CIRCUIT_BREAKER, "BROKER_ERRORS"))).isEqualTo(AlertRule.BROKER_ERRORS);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.TRIP_CIRCUIT_BREAKER, "DAILY_LOSS_EXCEEDED"))).isEqualTo(AlertRule.DAILY_LOSS_TRIPPED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.RESET_CIRCUIT_BREAKER, ""))).isEqualTo(AlertRule.CIRCUIT_BREAKER_RESET);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.PAUSE, ""))).isEqualTo(AlertRule.TRADING_PAUSED);
        assertThat(ControlAlerts.ruleFor(change(ControlAction.RESUME, ""))).isEqualTo(AlertRule.TRADING_RESUMED);
        assertThat(Control.values()).hasSize(3);
    }
}
