package io.tradepilot.controls;

import java.time.Instant;
import java.util.Optional;

/**
 * The trading state machine: ACTIVE ⇄ PAUSED. Pausing while paused and resuming while active are
 * refused. A reason is optional.
 *
 * @param lastChange who/when/why of the last change; empty when it was never changed
 */
public record TradingSwitch(TradingState state, Optional<Change> lastChange) {

    public static TradingSwitch initial() {
        return new TradingSwitch(TradingState.ACTIVE, Optional.empty());
    }

    public Decision<TradingSwitch> pause(String user, String reason, Instant at, ControlRules rules) {
        if (state == TradingState.PAUSED) {
            return Decision.refuse(RefusalCode.ALREADY_PAUSED, "Trading is already paused.");
        }
        return move(TradingState.PAUSED, ControlAction.PAUSE, user, reason, at, rules);
    }

    public Decision<TradingSwitch> resume(String user, String reason, Instant at, ControlRules rules) {
        if (state == TradingState.ACTIVE) {
            return Decision.refuse(RefusalCode.NOT_PAUSED, "Trading is not paused.");
        }
        return move(TradingState.ACTIVE, ControlAction.RESUME, user, reason, at, rules);
    }

    @SuppressWarnings("unchecked")
    private Decision<TradingSwitch> move(TradingState to, ControlAction action, String user, String reason,
                                         Instant at, ControlRules rules) {
        String why = ControlRules.clean(reason);
        var tooLong = rules.checkText(why, "The reason");
        if (tooLong != null) {
            return (Decision<TradingSwitch>) tooLong;
        }
        var next = new TradingSwitch(to, Optional.of(new Change(user, at, why)));
        return new Decision.Applied<>(next, new ControlChanged(Control.TRADING, action, state.name(), to.name(),
                user, at, why, ""));
    }
}
