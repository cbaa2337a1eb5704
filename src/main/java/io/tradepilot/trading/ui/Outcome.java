package io.tradepilot.trading.ui;

import io.tradepilot.trading.ActionResult;
import org.springframework.security.access.AccessDeniedException;

import java.util.function.Supplier;

/**
 * What a dialog shows after it submitted: done (close, notify) or not (stay open, show {@code message}
 * in {@code dialog-error}).
 */
record Outcome(boolean done, String message) {

    static final String DENIED = "You are not allowed to do this.";

    static Outcome of(ActionResult result) {
        return switch (result) {
            case ActionResult.Done d -> new Outcome(true, d.message());
            case ActionResult.Refused r -> new Outcome(false, r.refusal().message());
        };
    }

    /**
     * Calls {@code action}: a method-security denial becomes {@link #DENIED}, invalid input its message,
     * any other failure (engine unreachable, database down) a message saying so. Never throws, so a dialog
     * never breaks and never closes on a failure.
     */
    static Outcome attempt(Supplier<ActionResult> action) {
        try {
            return of(action.get());
        } catch (AccessDeniedException denied) {
            return new Outcome(false, DENIED);
        } catch (IllegalArgumentException invalid) {
            return new Outcome(false, invalid.getMessage() == null ? "Invalid input." : invalid.getMessage());
        } catch (RuntimeException failed) {
            return new Outcome(false, "The action could not be carried out (" + failed.getClass().getSimpleName() + ").");
        }
    }
}
