package io.tradepilot.controls;

/** What {@link ControlService} did with a request: applied it (and recorded the change), or refused it. */
public sealed interface ControlResult {

    record Applied(ControlChanged change) implements ControlResult {
    }

    record Refused(Refusal refusal) implements ControlResult {
    }
}
