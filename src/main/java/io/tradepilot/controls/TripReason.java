package io.tradepilot.controls;

import java.util.Locale;
import java.util.Optional;

/** Why the circuit breaker tripped. Free text from an operator is {@link #MANUAL} with the text as detail. */
public enum TripReason {
    DAILY_LOSS_EXCEEDED("Daily loss exceeded"),
    MAX_DRAWDOWN("Maximum drawdown"),
    CONSECUTIVE_LOSSES("Consecutive losses"),
    DATA_STALE("Market data stale"),
    BROKER_ERRORS("Broker errors"),
    /** The ledger and the broker's book disagree (reconciliation): new entries wait until an admin resolves it. */
    RECONCILIATION_MISMATCH("Reconciliation mismatch"),
    /** LIVE trading during a session whose daily pre-flight nobody completed: no new entries until it is. */
    PREFLIGHT_NOT_COMPLETE("LIVE without today's pre-flight"),
    MANUAL("Manual");

    private final String label;

    TripReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason named exactly (case-insensitive) by {@code text}, if any. */
    public static Optional<TripReason> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }
}
