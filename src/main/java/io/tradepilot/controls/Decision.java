package io.tradepilot.controls;

/**
 * The answer of a control's state machine to a request: the next state and the fact to record,
 * or a refusal. Refusals are values, never exceptions.
 */
public sealed interface Decision<T> {

    record Applied<T>(T next, ControlChanged change) implements Decision<T> {
    }

    record Refused<T>(Refusal refusal) implements Decision<T> {
    }

    static <T> Decision<T> refuse(RefusalCode code, String message) {
        return new Refused<>(new Refusal(code, message));
    }
}
