package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.TradingModeChanged;
import io.tradepilot.controls.TradingModeState;
import org.springframework.context.event.EventListener;

/**
 * Raises {@link AlertRule#LIVE_MODE_CHANGED} for each switch between PAPER and LIVE ({@link TradingModeChanged} whose
 * mode changed; steps of the LIVE size factor are not alerted), once per switch: source id
 * {@code live-mode:<MODE>:<changed at, epoch ms>}, so every instance hearing it raises the same alert.
 */
final class LiveModeAlerts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveModeAlerts.class);

    private final Alerts alerts;

    LiveModeAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Never throws to the publisher: a raise that fails (database down) is logged. */
    @EventListener
    void on(TradingModeChanged change) {
        if (!change.modeChanged()) return;
        TradingModeState now = change.state();
        String id = now.mode() + ":" + now.changedAt().toEpochMilli();
        try {
            String mode = now.live() ? "LIVE (real money) at size factor " + now.sizeFactor().toPlainString() : "PAPER";
            alerts.raise(AlertRule.LIVE_MODE_CHANGED, "live-mode", "live-mode:" + id,
                    "Trading switched to " + (now.live() ? "LIVE (real money)" : "PAPER") + " by " + now.changedBy(),
                    "Now: " + mode + "\nReason: " + now.reason() + "\nAt: " + now.changedAt());
        } catch (RuntimeException e) {
            log.error("No alert could be raised for the LIVE mode change {} ({})", id, e.getClass().getSimpleName());
        }
    }
}
