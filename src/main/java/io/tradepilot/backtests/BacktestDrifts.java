package io.tradepilot.backtests;

import java.time.Duration;

/** Backtest versus paper ({@link BacktestDrift}). Read-only: every signed-in role; nothing audited. */
public interface BacktestDrifts {

    /** The default tolerance between a backtest entry and a paper entry that match. */
    Duration DEFAULT_TOLERANCE = Duration.ofDays(1);

    /**
     * Compares run {@code runId} with the PAPER trades of its stored strategy over its dates.
     *
     * @throws BacktestRefusal 404 {@code UNKNOWN_RUN}, 409 {@code NOT_DONE}, 409 {@code NOT_STORED_VERSION} (a draft run:
     *                         no strategy traded it), 400 {@code INVALID_PARAMETER} ({@code tolerance} not from 0 to
     *                         {@link BacktestDrift#MAX_TOLERANCE})
     */
    BacktestDrift drift(long runId, Duration tolerance);
}
