package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlsReading;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.core.EngineState;

/**
 * The engine state people see (the dashboard's engine badge, {@link io.tradepilot.trading.EngineStatus#engineState()},
 * {@link io.tradepilot.trading.LivePortfolio#engineState()}): the engine's own trip, else the controls' kill switch.
 * The engine keeps no killed state of its own (the controls module owns it): {@code KILLED} is the kill switch engaged
 * (as after a flatten, which engages it), with its change as the reason, until it is disengaged. Pause and breaker show
 * on the controls themselves, not here (the engine runs: exits still go out).
 *
 * @param state  {@code TRIPPED} (the engine's own automatic trip, not yet released), {@code KILLED} (the kill switch
 *               engaged), else {@code RUNNING}
 * @param reason why it is not RUNNING; empty when it is
 */
record ShownEngineState(String state, String reason) {

    static final String RUNNING = EngineState.RUNNING.name();
    static final String KILLED = "KILLED";

    /** What {@code snapshot} and {@code controls} (null or unknown: not read) show together; pure. */
    static ShownEngineState of(EngineSnapshot snapshot, ControlsReading controls) {
        if (snapshot.state() != EngineState.RUNNING) {
            return new ShownEngineState(snapshot.state().name(), snapshot.stateReason() == null ? "" : snapshot.stateReason());
        }
        if (controls instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
            return new ShownEngineState(KILLED, known.killSwitch().lastChange().map(c -> "by " + c.user() + ": " + c.reason()).orElse(""));
        }
        return new ShownEngineState(RUNNING, "");
    }
}
