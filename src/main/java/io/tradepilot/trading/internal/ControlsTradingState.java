package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStatePort;

import java.util.Objects;

/**
 * The controls as the engine's trading-state port: the controls module is the one owner of "may we trade", the engine
 * keeps no paused or killed state. Answers from the gate's in-memory copy of the
 * control state (the engine asks for every new order on its writer thread and must not wait on Redis):
 * kill switch engaged: KILL_SWITCH_ENGAGED (no new orders); circuit breaker tripped:
 * CIRCUIT_BREAKER_TRIPPED (exits only); paused: PAUSED (exits only); unreadable: UNKNOWN (no new
 * orders: fail closed). When several hold, the strictest wins. Cancelling working orders on a kill is
 * the host's job ({@link ControlBridge}), not the port's.
 *
 * <p>{@link #releases()} counts the releases the {@link ControlBridge} saw ({@link #released()}: a breaker reset, a kill
 * switch disengaged where trips engage it): the engine lifts its own trip only when this count moves past the one it
 * read at the trip. A release the bridge never hears of (a change event lost with the Redis connection) leaves the
 * engine tripped: fail closed; tripping and resetting the breaker again releases it.
 */
final class ControlsTradingState implements TradingStatePort {

    private final TradingGate gate;
    private final java.util.concurrent.atomic.AtomicLong releases = new java.util.concurrent.atomic.AtomicLong();

    ControlsTradingState(TradingGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public TradingState current() {
        return of(gate.current());
    }

    @Override
    public long releases() {
        return releases.get();
    }

    /** The controls released trading after a trip (the {@link ControlBridge} heard a breaker reset or a kill switch lifted). */
    void released() {
        releases.incrementAndGet();
    }

    /** The engine's trading state for one reading of the controls; pure. */
    static TradingState of(ControlsReading reading) {
        if (reading == null) return TradingState.blocked(TradingState.Kind.UNKNOWN, "no control state");
        return switch (reading) {
            case ControlsReading.Unknown unknown -> TradingState.blocked(TradingState.Kind.UNKNOWN, unknown.cause());
            case ControlsReading.Known known -> {
                if (known.killSwitch().engaged()) {
                    yield TradingState.blocked(TradingState.Kind.KILL_SWITCH_ENGAGED,
                            known.killSwitch().lastChange().map(c -> "by " + c.user() + ": " + c.reason()).orElse(""));
                }
                if (known.circuitBreaker().tripped()) {
                    yield TradingState.blocked(TradingState.Kind.CIRCUIT_BREAKER_TRIPPED,
                            known.circuitBreaker().tripReason().map(Enum::name).orElse("") +
                                    (known.circuitBreaker().tripDetail().isEmpty() ? "" : ": " + known.circuitBreaker().tripDetail()));
                }
                if (known.trading().state() == io.tradepilot.controls.TradingState.PAUSED) {
                    yield TradingState.blocked(TradingState.Kind.PAUSED,
                            known.trading().lastChange().map(c -> "by " + c.user() + ": " + c.reason()).orElse(""));
                }
                yield TradingState.ALLOWED;
            }
        };
    }
}
