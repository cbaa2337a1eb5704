package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.ScanReport;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether the scheduled scan enters a setup it found, decided from the scan row alone (pure, deterministic).
 *
 * <p>A setup is <em>qualified</em> when it broke out ({@code BREAKOUT_UP} / {@code BREAKOUT_DOWN}) on a
 * complete week (a provisional mid-week close is not a weekly breakout), is tradeable under the 3WI rules
 * (filters passed, direction allowed) and was sized to at least one share (the open-risk cap left room).
 * A qualified setup is entered only when scan orders are switched on. Every other setup is skipped with
 * the reason.
 */
sealed interface SetupDecision {

    /** The 3WI rules version in the setup id: a change of the entry rules gets new ids (and new decisions). */
    String RULES_VERSION = "v1";
    /** The strategy id the scan's entry orders are attributed to. */
    String STRATEGY_ID = "3wi";
    /** The configuration switch that makes scans place orders. */
    String SWITCH = "tradepilot.scheduler.scans.place-orders";

    /** Enter the setup: place its entry with its protective stop. */
    record Enter() implements SetupDecision {
    }

    /**
     * Do not enter.
     *
     * @param record true when the setup broke out (its decision is recorded in {@code scan_setup}); false for a
     *               setup still forming (ACTIVE, NEAR_BREAKOUT), which has nothing to decide yet
     */
    record Skip(String reason, boolean record) implements SetupDecision {
    }

    /**
     * The setup's deterministic id: {@code 3wi-v1:SYMBOL:MOTHER-WEEK}. The same symbol, mother week and rules
     * version give the same id on every run and every instance.
     */
    static String setupId(String symbol, LocalDate motherWeek) {
        Objects.requireNonNull(motherWeek, "motherWeek");
        return STRATEGY_ID + "-" + RULES_VERSION + ":" + symbol.strip().toUpperCase(Locale.ROOT) + ":" + motherWeek;
    }

    /** The decision for {@code row}; {@code placeOrders} is the configuration switch. */
    static SetupDecision of(ScanReport.Row row, boolean placeOrders) {
        if (!row.state().startsWith("BREAKOUT")) return new Skip("not qualified: no breakout (" + row.state() + ")", false);
        if (!row.weekComplete()) return new Skip("not qualified: the breakout week is not complete (provisional close)", true);
        if (!row.tradeable()) return new Skip("not qualified: " + row.note(), true);
        if (row.quantity() == null || row.quantity().signum() <= 0 || row.stop() == null) {
            return new Skip("not qualified: " + (row.note().isBlank() ? "no quantity" : row.note()), true);
        }
        if (!placeOrders) return new Skip("qualified, but scan orders are off (" + SWITCH + "=false)", true);
        return new Enter();
    }
}
