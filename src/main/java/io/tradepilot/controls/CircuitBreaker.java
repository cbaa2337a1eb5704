package io.tradepilot.controls;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The circuit breaker state machine: OPEN → TRIPPED (operator+, a {@link TripReason}, optional
 * detail) → OPEN (operator+, only from TRIPPED, a reason of at least
 * {@link ControlRules#resetReasonMinLength()} characters, a ticked acknowledgement, and at most
 * one reset per {@link ControlRules#resetInterval()} across all users).
 *
 * @param tripReason  why it is tripped; empty while OPEN
 * @param tripDetail  free text of the trip; empty string when none
 * @param lastResetAt when it was last reset, for the rate limit
 */
public record CircuitBreaker(CircuitBreakerState state, Optional<TripReason> tripReason, String tripDetail,
                             Optional<Change> lastChange, Optional<Instant> lastResetAt) {

    public CircuitBreaker {
        tripDetail = tripDetail == null ? "" : tripDetail;
    }

    public static CircuitBreaker initial() {
        return new CircuitBreaker(CircuitBreakerState.OPEN, Optional.empty(), "", Optional.empty(), Optional.empty());
    }

    public boolean tripped() {
        return state == CircuitBreakerState.TRIPPED;
    }

    @SuppressWarnings("unchecked")
    public Decision<CircuitBreaker> trip(String user, TripReason reason, String detail, Instant at, ControlRules rules) {
        if (tripped()) {
            return Decision.refuse(RefusalCode.ALREADY_TRIPPED, "The circuit breaker is already tripped ("
                    + tripReason.map(TripReason::name).orElse("unknown reason") + ").");
        }
        if (reason == null) {
            return Decision.refuse(RefusalCode.REASON_REQUIRED, "Choose a reason from the list or write one.");
        }
        String text = ControlRules.clean(detail);
        if (reason == TripReason.MANUAL && text.isEmpty()) {
            return Decision.refuse(RefusalCode.REASON_REQUIRED, "Write why you trip the circuit breaker by hand.");
        }
        var tooLong = rules.checkText(text, "The detail");
        if (tooLong != null) {
            return (Decision<CircuitBreaker>) tooLong;
        }
        String why = text.isEmpty() ? reason.name() : reason.name() + ": " + text;
        var next = new CircuitBreaker(CircuitBreakerState.TRIPPED, Optional.of(reason), text,
                Optional.of(new Change(user, at, why)), lastResetAt);
        return new Decision.Applied<>(next, new ControlChanged(Control.CIRCUIT_BREAKER,
                ControlAction.TRIP_CIRCUIT_BREAKER, state.name(), next.state().name(), user, at, why, reason.name()));
    }

    @SuppressWarnings("unchecked")
    public Decision<CircuitBreaker> reset(String user, String reason, boolean acknowledged, Instant at,
                                          ControlRules rules) {
        if (!tripped()) {
            return Decision.refuse(RefusalCode.NOT_TRIPPED, "The circuit breaker is not tripped: there is nothing to reset.");
        }
        String why = ControlRules.clean(reason);
        if (why.length() < rules.resetReasonMinLength()) {
            return Decision.refuse(RefusalCode.REASON_TOO_SHORT,
                    "Give a reason of at least " + rules.resetReasonMinLength() + " characters.");
        }
        var tooLong = rules.checkText(why, "The reason");
        if (tooLong != null) {
            return (Decision<CircuitBreaker>) tooLong;
        }
        if (!acknowledged) {
            return Decision.refuse(RefusalCode.ACKNOWLEDGEMENT_REQUIRED,
                    "Tick the acknowledgement that the cause of the trip has been dealt with.");
        }
        if (lastResetAt.isPresent()) {
            Instant allowedFrom = lastResetAt.get().plus(rules.resetInterval());
            if (at.isBefore(allowedFrom)) {
                Duration wait = Duration.between(at, allowedFrom);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return new Decision.Refused<>(new Refusal(RefusalCode.RATE_LIMITED,
                        "The circuit breaker was reset less than " + rules.resetInterval().toSeconds()
                                + " seconds ago; try again in " + seconds + " s.",
                        Optional.of(Duration.ofSeconds(seconds))));
            }
        }
        var next = new CircuitBreaker(CircuitBreakerState.OPEN, Optional.empty(), "",
                Optional.of(new Change(user, at, why)), Optional.of(at));
        return new Decision.Applied<>(next, new ControlChanged(Control.CIRCUIT_BREAKER,
                ControlAction.RESET_CIRCUIT_BREAKER, state.name(), next.state().name(), user, at, why,
                tripReason.map(TripReason::name).orElse("")));
    }
}
