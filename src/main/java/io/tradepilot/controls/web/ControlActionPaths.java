package io.tradepilot.controls.web;

import io.tradepilot.audit.UnauthenticatedAttemptAudit;
import io.tradepilot.controls.ControlAction;

import java.util.Map;
import java.util.Optional;

/**
 * The control actions behind the API's POST paths, so that {@link UnauthenticatedAttemptAudit} can audit the
 * requests the security filters turn away (401) with their action and target.
 */
final class ControlActionPaths {

    static final Map<String, ControlAction> ACTIONS = Map.of(
            "/api/v1/pause", ControlAction.PAUSE,
            "/api/v1/resume", ControlAction.RESUME,
            "/api/v1/kill-switch/engage", ControlAction.ENGAGE_KILL_SWITCH,
            "/api/v1/kill-switch/disengage", ControlAction.DISENGAGE_KILL_SWITCH,
            "/api/v1/circuit-breaker/trip", ControlAction.TRIP_CIRCUIT_BREAKER,
            "/api/v1/circuit-breaker/reset", ControlAction.RESET_CIRCUIT_BREAKER);

    private ControlActionPaths() {
    }

    /** What a POST path asks for, for {@link UnauthenticatedAttemptAudit}; empty when it is not a control action. */
    static Optional<UnauthenticatedAttemptAudit.Attempt> attempt(String path) {
        return Optional.ofNullable(ACTIONS.get(path))
                .map(action -> new UnauthenticatedAttemptAudit.Attempt(action.auditName(), action.control().key()));
    }
}
