package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.trading.DailyLossEntriesPaused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Raises {@link AlertRule#DAILY_LOSS_ENTRIES_PAUSED} when the engine's daily-loss limit paused new entries
 * ({@link DailyLossEntriesPaused}), once per market day: source id {@code entries-paused:<market day>}, so a repeat (a
 * restart, another instance) raises nothing again. The body carries the figures as exact decimals: the day's loss
 * against the pause threshold, the limit and the day's starting equity.
 */
final class EntryPauseAlerts {

    private static final Logger log = LoggerFactory.getLogger(EntryPauseAlerts.class);

    private final Alerts alerts;

    EntryPauseAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Never throws to the publisher: a raise that fails (database down) is logged. */
    @EventListener
    void on(DailyLossEntriesPaused paused) {
        try {
            alerts.raise(AlertRule.DAILY_LOSS_ENTRIES_PAUSED, "entries-paused", "entries-paused:" + paused.marketDay(),
                    title(paused), body(paused));
        } catch (RuntimeException e) {
            log.error("No alert could be raised for the entry pause of {} ({})", paused.marketDay(), e.getClass().getSimpleName());
        }
    }

    static String title(DailyLossEntriesPaused p) {
        return "Entries paused for " + p.marketDay() + ": daily loss " + amount(p.dayLoss()) + " " + p.currency()
                + " ≥ " + amount(p.pauseAt()) + " " + p.currency();
    }

    static String body(DailyLossEntriesPaused p) {
        BigDecimal tripAt = p.dayStartEquity().multiply(p.dailyLossLimit());
        return "The daily-loss limit refused an entry in " + p.symbol() + " at " + p.refusedAt() + ": no new entries for the rest of"
                + " the market day; exits still go out.\n"
                + "Day loss: " + amount(p.dayLoss()) + " " + p.currency() + "\n"
                + "Entry pause at: " + amount(p.pauseAt()) + " " + p.currency() + " (" + percent(p.pauseFraction())
                + " of the daily loss limit)\n"
                + "Daily loss limit: " + amount(tripAt) + " " + p.currency() + " (" + percent(p.dailyLossLimit())
                + " of the day's starting equity " + amount(p.dayStartEquity()) + "; reaching it trips the engine)\n"
                + "Engine: " + p.engineMessage();
    }

    /** Exact: trailing zeros beyond the second decimal dropped, never rounded ({@code 9000.000000} → {@code 9000.00}). */
    static String amount(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }
}
