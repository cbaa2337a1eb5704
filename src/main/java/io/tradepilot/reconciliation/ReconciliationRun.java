package io.tradepilot.reconciliation;

import java.time.Instant;

/**
 * One reconciliation run.
 *
 * @param outcome         {@code CLEAN} (books agree, after back-filling), {@code MISMATCH} (differences open),
 *                        {@code NO_VENUE} (no broker account connected: nothing to compare), {@code FAILED} (the
 *                        broker's book could not be read)
 * @param backfilled      executions handed to the engine
 * @param openMismatches  differences open after the run
 */
public record ReconciliationRun(long id, String accountId, Instant startedAt, Instant finishedAt, Outcome outcome,
                                int backfilled, int openMismatches, String detail) {

    public enum Outcome { CLEAN, MISMATCH, NO_VENUE, FAILED }
}
