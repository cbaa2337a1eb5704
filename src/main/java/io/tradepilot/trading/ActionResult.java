package io.tradepilot.trading;

import io.tradepilot.controls.Refusal;

import java.util.List;

/** What a manual trading action did: done (with the orders it placed or cancelled) or refused, with why. */
public sealed interface ActionResult {

    /**
     * @param message  what happened, for people ("Cancel requested for O17")
     * @param orderIds the orders placed or asked to cancel, in order
     */
    record Done(String message, List<String> orderIds) implements ActionResult {
        public Done {
            orderIds = List.copyOf(orderIds);
        }
    }

    record Refused(Refusal refusal) implements ActionResult {
    }
}
