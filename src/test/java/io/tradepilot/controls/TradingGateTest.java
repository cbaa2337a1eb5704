package io.tradepilot.controls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TradingGateTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Change BY_OLGA = new Change("olga", NOW, "broker down");

    private static ControlsReading.Known reading(TradingState trading, KillSwitchState killSwitch,
                                                 CircuitBreakerState breaker) {
        return new ControlsReading.Known(
                new TradingSwitch(trading, Optional.of(BY_OLGA)),
                new KillSwitch(killSwitch, Optional.of(BY_OLGA)),
                new CircuitBreaker(breaker, breaker == CircuitBreakerState.TRIPPED ? Optional.of(TripReason.DATA_STALE)
                        : Optional.empty(), "", Optional.of(BY_OLGA), Optional.empty()),
                NOW);
    }

    @ParameterizedTest
    @EnumSource(OrderPurpose.class)
    void everything_goes_out_when_all_controls_are_clear(OrderPurpose purpose) {
        assertThat(TradingGate.decide(reading(TradingState.ACTIVE, KillSwitchState.ACTIVE, CircuitBreakerState.OPEN), purpose)
                .allowed()).isTrue();
    }

    @Test
    void kill_switch_blocks_new_orders_but_allows_cancels_and_the_emergency_flatten() {
        var engaged = reading(TradingState.ACTIVE, KillSwitchState.ENGAGED, CircuitBreakerState.OPEN);

        assertThat(TradingGate.decide(engaged, OrderPurpose.ENTRY).allowed()).isFalse();
        assertThat(TradingGate.decide(engaged, OrderPurpose.EXIT).allowed()).isFalse();
        assertThat(TradingGate.decide(engaged, OrderPurpose.CANCEL).allowed()).isTrue();
        assertThat(TradingGate.decide(engaged, OrderPurpose.FLATTEN).allowed()).isTrue();
        assertThat(TradingGate.decide(engaged, OrderPurpose.ENTRY).explanation())
                .isEqualTo("Kill switch engaged by olga (broker down): no new orders.");
    }

    @Test
    void a_tripped_breaker_blocks_entries_but_allows_exits() {
        var tripped = reading(TradingState.ACTIVE, KillSwitchState.ACTIVE, CircuitBreakerState.TRIPPED);

        assertThat(TradingGate.decide(tripped, OrderPurpose.ENTRY)).isInstanceOfSatisfying(GateDecision.Blocked.class,
                blocked -> assertThat(blocked.reasons()).extracting(GateDecision.BlockReason::control)
                        .containsExactly(Control.CIRCUIT_BREAKER));
        assertThat(TradingGate.decide(tripped, OrderPurpose.EXIT).allowed()).isTrue();
    }

    @Test
    void paused_trading_blocks_entries_but_allows_exits() {
        var paused = reading(TradingState.PAUSED, KillSwitchState.ACTIVE, CircuitBreakerState.OPEN);

        assertThat(TradingGate.decide(paused, OrderPurpose.ENTRY).allowed()).isFalse();
        assertThat(TradingGate.decide(paused, OrderPurpose.EXIT).allowed()).isTrue();
    }

    @Test
    void every_blocking_control_is_named() {
        var all = reading(TradingState.PAUSED, KillSwitchState.ENGAGED, CircuitBreakerState.TRIPPED);

        assertThat(TradingGate.decide(all, OrderPurpose.ENTRY)).isInstanceOfSatisfying(GateDecision.Blocked.class,
                blocked -> assertThat(blocked.reasons()).extracting(GateDecision.BlockReason::control)
                        .containsExactly(Control.KILL_SWITCH, Control.CIRCUIT_BREAKER, Control.TRADING));
    }

    @Test
    void an_unknown_state_blocks_new_orders_but_allows_cancels() {
        var unknown = new ControlsReading.Unknown("Redis is down", NOW);

        assertThat(TradingGate.decide(unknown, OrderPurpose.ENTRY)).isInstanceOf(GateDecision.UnknownBlocked.class);
        assertThat(TradingGate.decide(unknown, OrderPurpose.EXIT)).isInstanceOf(GateDecision.UnknownBlocked.class);
        assertThat(TradingGate.decide(unknown, OrderPurpose.CANCEL).allowed()).isTrue();
    }

    @Test
    void a_reader_that_throws_fails_closed() {
        var gate = new TradingGate(() -> {
            throw new IllegalStateException("connection refused");
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        var decision = gate.check(OrderPurpose.ENTRY);

        assertThat(decision).isInstanceOf(GateDecision.UnknownBlocked.class);
        assertThat(decision.explanation()).contains("connection refused").contains("blocked");
    }
}
