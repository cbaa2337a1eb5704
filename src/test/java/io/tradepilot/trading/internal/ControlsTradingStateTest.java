package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.Change;
import io.tradepilot.controls.CircuitBreaker;
import io.tradepilot.controls.CircuitBreakerState;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.KillSwitch;
import io.tradepilot.controls.KillSwitchState;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingSwitch;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.risk.TradingState.Kind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

class ControlsTradingStateTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Change BY_OLGA = new Change("olga", NOW, "broker down");

    private static ControlsReading.Known reading(io.tradepilot.controls.TradingState trading, KillSwitchState kill,
                                                 CircuitBreakerState breaker) {
        return new ControlsReading.Known(new TradingSwitch(trading, Optional.of(BY_OLGA)), new KillSwitch(kill, Optional.of(BY_OLGA)),
                new CircuitBreaker(breaker, breaker == CircuitBreakerState.TRIPPED ? Optional.of(TripReason.DATA_STALE) : Optional.empty(),
                        "", Optional.of(BY_OLGA), Optional.empty()), NOW);
    }

    @Test
    void clear_controls_allow_trading() {
        assertThat(ControlsTradingState.of(reading(io.tradepilot.controls.TradingState.ACTIVE, KillSwitchState.ACTIVE,
                CircuitBreakerState.OPEN)).kind()).isEqualTo(Kind.ALLOWED);
    }

    @Test
    void a_pause_refuses_entries_only() {
        assertThat(ControlsTradingState.of(reading(io.tradepilot.controls.TradingState.PAUSED, KillSwitchState.ACTIVE,
                CircuitBreakerState.OPEN)).kind()).isEqualTo(Kind.PAUSED);
    }

    @Test
    void a_tripped_breaker_refuses_entries_and_names_its_reason() {
        var state = ControlsTradingState.of(reading(io.tradepilot.controls.TradingState.ACTIVE, KillSwitchState.ACTIVE,
                CircuitBreakerState.TRIPPED));
        assertThat(state.kind()).isEqualTo(Kind.CIRCUIT_BREAKER_TRIPPED);
        assertThat(state.reason()).contains("DATA_STALE");
    }

    @Test
    void the_kill_switch_wins_over_a_pause_and_a_tripped_breaker() {
        var state = ControlsTradingState.of(reading(io.tradepilot.controls.TradingState.PAUSED, KillSwitchState.ENGAGED,
                CircuitBreakerState.TRIPPED));
        assertThat(state.kind()).isEqualTo(Kind.KILL_SWITCH_ENGAGED);
        assertThat(state.reason()).contains("olga");
    }

    @Test
    void an_unreadable_state_fails_closed() {
        assertThat(ControlsTradingState.of(new ControlsReading.Unknown("redis down", NOW)).kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(ControlsTradingState.of(null).kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void a_gate_whose_reader_throws_reads_as_unknown() {
        var port = new ControlsTradingState(new TradingGate(() -> { throw new IllegalStateException("boom"); },
                Clock.fixed(NOW, ZoneOffset.UTC)));
        assertThat(port.current().kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void releases_count_what_the_bridge_heard_and_never_go_down() {
        var port = new ControlsTradingState(new TradingGate(() -> reading(io.tradepilot.controls.TradingState.ACTIVE,
                KillSwitchState.ACTIVE, CircuitBreakerState.OPEN), Clock.fixed(NOW, ZoneOffset.UTC)));
        assertThat(port.releases()).isZero();
        port.released();
        port.released();
        assertThat(port.releases()).isEqualTo(2);
        assertThat(port.current().kind()).isEqualTo(Kind.ALLOWED);
    }

    @Test
    void the_engine_state_shown_is_its_own_trip_else_the_kill_switch_else_running() {
        var running = snapshot(io.tradepilot.engine.core.EngineState.RUNNING, "");
        var tripped = snapshot(io.tradepilot.engine.core.EngineState.TRIPPED, "daily loss 2000 >= 1800");
        var clear = reading(io.tradepilot.controls.TradingState.PAUSED, KillSwitchState.ACTIVE, CircuitBreakerState.TRIPPED);
        var killed = reading(io.tradepilot.controls.TradingState.ACTIVE, KillSwitchState.ENGAGED, CircuitBreakerState.OPEN);

        assertThat(ShownEngineState.of(running, clear)).as("pause and breaker show on the controls")
                .isEqualTo(new ShownEngineState("RUNNING", ""));
        assertThat(ShownEngineState.of(running, killed)).isEqualTo(new ShownEngineState("KILLED", "by olga: broker down"));
        assertThat(ShownEngineState.of(tripped, killed)).isEqualTo(new ShownEngineState("TRIPPED", "daily loss 2000 >= 1800"));
        assertThat(ShownEngineState.of(running, new ControlsReading.Unknown("redis down", NOW))).isEqualTo(new ShownEngineState("RUNNING", ""));
    }

    private static io.tradepilot.engine.core.EngineSnapshot snapshot(io.tradepilot.engine.core.EngineState state, String reason) {
        return new io.tradepilot.engine.core.EngineSnapshot(NOW, state, reason,
                new io.tradepilot.engine.portfolio.Portfolio(io.tradepilot.engine.domain.Money.of("1000", io.tradepilot.engine.domain.Money.USD)).snapshot(),
                java.util.List.of(), 0, 0);
    }
}
