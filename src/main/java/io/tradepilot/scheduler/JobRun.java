package io.tradepilot.scheduler;

import java.time.Instant;

/**
 * One recorded job execution or misfire.
 *
 * @param scheduledAt the fire time the run was scheduled for (a misfire's missed time), null when run by hand
 * @param outcome     SUCCEEDED, SKIPPED (nothing to do, said why), FAILED or MISFIRED
 * @param instance    the scheduler instance that ran it
 */
public record JobRun(long id, String job, String exchange, Instant scheduledAt, Instant startedAt, Instant finishedAt,
                     String outcome, String detail, String instance) {
}
