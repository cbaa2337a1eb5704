package io.tradepilot.strategies;

import java.time.Instant;

/**
 * Port: days of paper trading of a strategy, implemented by the module that keeps the trades (the journal). Read
 * without a signed-in user, nothing audited.
 */
public interface PaperTradingDays {

    /**
     * The number of distinct trading days (market zone) on which trades of {@code strategyId} in PAPER mode were entered
     * or closed, counting trades entered at or after {@code since}.
     */
    int paperTradingDays(String strategyId, Instant since);
}
