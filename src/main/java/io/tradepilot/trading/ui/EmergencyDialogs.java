package io.tradepilot.trading.ui;

import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingActions;

/**
 * The trading views' emergency dialog for views of other modules (the runbook's emergency pages): the same
 * {@link FlattenDialog} the Positions page opens, submitting to {@link TradingActions#flattenAll}, which
 * authorizes (admin), validates, rate-limits and audits every attempt.
 */
public final class EmergencyDialogs {

    private EmergencyDialogs() {
    }

    /** Whether the signed-in user's role may flatten everything (to show the button; the server checks again). */
    public static boolean mayFlattenAll(TradingActions actions) {
        return actions.permittedActions().contains(TradingAction.FLATTEN_ALL);
    }

    /** Opens the flatten-all dialog; after a done flatten it notifies (as the Positions page does) and runs {@code afterDone}. */
    public static void openFlattenAll(TradingActions actions, Runnable afterDone) {
        new FlattenDialog(r -> Outcome.attempt(() -> actions.flattenAll(r.reason(), r.confirmation())), outcome -> {
            Notices.done(outcome);
            afterDone.run();
        }).open();
    }
}
