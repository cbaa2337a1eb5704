package io.tradepilot.strategies;

import java.time.Instant;
import java.util.List;

/**
 * Port: days of paper trading of one stored strategy configuration version, implemented by the module that keeps the
 * trades (the journal). Read without a signed-in user, nothing audited.
 */
public interface PaperTradingDays {

    /**
     * The number of distinct trading days (market zone; a trade's exit day, its entry day while open) of the PAPER trades
     * of {@code strategyId} entered within one of {@code periods} (the periods the version was the applied one). No
     * periods: 0.
     */
    int paperTradingDays(String strategyId, List<Period> periods);

    /**
     * A half-open period {@code [from, until)} during which a version was the applied one; {@code until} null: still
     * applied.
     */
    record Period(Instant from, Instant until) {
        public Period {
            java.util.Objects.requireNonNull(from, "from");
            if (until != null && until.isBefore(from)) throw new IllegalArgumentException("until before from");
        }
    }
}
