package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.LiveModeChanged;
import org.springframework.context.event.EventListener;

/** Raises {@link AlertRule#LIVE_MODE_CHANGED} for each {@link LiveModeChanged}, once per its id (source id {@code live-mode:<id>}). */
final class LiveModeAlerts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveModeAlerts.class);

    private final Alerts alerts;

    LiveModeAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Never throws to the publisher: a raise that fails (database down) is logged. */
    @EventListener
    void on(LiveModeChanged change) {
        try {
            raise(change);
        } catch (RuntimeException e) {
            log.error("No alert could be raised for the LIVE mode change {} ({})", change.id(), e.getClass().getSimpleName());
        }
    }

    private void raise(LiveModeChanged change) {
        String mode = change.live() ? "LIVE (real money)" : "PAPER";
        alerts.raise(AlertRule.LIVE_MODE_CHANGED, "live-mode", "live-mode:" + change.id(),
                "Trading switched to " + mode + " by " + change.user(),
                "Reason: " + change.reason() + "\nAccount: " + (change.account() == null ? "(paper)" : change.account())
                        + "\nAt: " + change.at());
    }
}
