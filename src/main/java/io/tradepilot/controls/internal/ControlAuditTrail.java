package io.tradepilot.controls.internal;

/** Where the controls write their audit records (the audit module's log, behind a small port). */
public interface ControlAuditTrail {

    enum Outcome { SUCCESS, FAILED, DENIED, RATE_LIMITED }

    /**
     * One attempt to change a control, allowed or not.
     *
     * @param action e.g. {@code KILL_SWITCH_ENGAGE}
     * @param target the control's key, e.g. {@code kill_switch}
     * @param detail what happened, e.g. the refusal code and message; may be empty
     */
    record Attempt(String user, String action, String target, String reason, Outcome outcome, String detail,
                   String clientAddress) {
    }

    void record(Attempt attempt);
}
