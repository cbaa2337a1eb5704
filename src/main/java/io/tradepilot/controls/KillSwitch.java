package io.tradepilot.controls;

import java.time.Instant;
import java.util.Optional;

/**
 * The kill switch state machine: ACTIVE → ENGAGED (operator+, reason of at least
 * {@link ControlRules#engageReasonMinLength()} characters) → ACTIVE (admin, notes and the typed
 * word {@value ControlRules#CONFIRMATION_WORD}). Engaging while engaged and disengaging while
 * active are refused. Roles are checked by {@link ControlService}, not here.
 */
public record KillSwitch(KillSwitchState state, Optional<Change> lastChange) {

    public static KillSwitch initial() {
        return new KillSwitch(KillSwitchState.ACTIVE, Optional.empty());
    }

    public boolean engaged() {
        return state == KillSwitchState.ENGAGED;
    }

    @SuppressWarnings("unchecked")
    public Decision<KillSwitch> engage(String user, String reason, Instant at, ControlRules rules) {
        if (engaged()) {
            var by = lastChange.map(c -> " by " + c.user() + " at " + c.at()).orElse("");
            return Decision.refuse(RefusalCode.ALREADY_ENGAGED, "The kill switch is already engaged" + by + ".");
        }
        String why = ControlRules.clean(reason);
        if (why.length() < rules.engageReasonMinLength()) {
            return Decision.refuse(RefusalCode.REASON_TOO_SHORT,
                    "Give a reason of at least " + rules.engageReasonMinLength() + " characters.");
        }
        var tooLong = rules.checkText(why, "The reason");
        if (tooLong != null) {
            return (Decision<KillSwitch>) tooLong;
        }
        var next = new KillSwitch(KillSwitchState.ENGAGED, Optional.of(new Change(user, at, why)));
        return new Decision.Applied<>(next, new ControlChanged(Control.KILL_SWITCH, ControlAction.ENGAGE_KILL_SWITCH,
                state.name(), next.state().name(), user, at, why, ""));
    }

    @SuppressWarnings("unchecked")
    public Decision<KillSwitch> disengage(String user, String notes, String confirmation, Instant at,
                                          ControlRules rules) {
        if (!engaged()) {
            return Decision.refuse(RefusalCode.NOT_ENGAGED, "The kill switch is not engaged.");
        }
        String why = ControlRules.clean(notes);
        if (why.isEmpty()) {
            return Decision.refuse(RefusalCode.NOTES_REQUIRED, "Write notes on why trading may resume.");
        }
        var tooLong = rules.checkText(why, "The notes");
        if (tooLong != null) {
            return (Decision<KillSwitch>) tooLong;
        }
        if (!ControlRules.CONFIRMATION_WORD.equals(ControlRules.clean(confirmation))) {
            return Decision.refuse(RefusalCode.CONFIRMATION_MISMATCH,
                    "Type " + ControlRules.CONFIRMATION_WORD + " (in capitals) to disengage the kill switch.");
        }
        var next = new KillSwitch(KillSwitchState.ACTIVE, Optional.of(new Change(user, at, why)));
        return new Decision.Applied<>(next, new ControlChanged(Control.KILL_SWITCH, ControlAction.DISENGAGE_KILL_SWITCH,
                state.name(), next.state().name(), user, at, why, ""));
    }
}
