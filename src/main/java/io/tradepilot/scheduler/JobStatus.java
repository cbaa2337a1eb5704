package io.tradepilot.scheduler;

import java.time.Instant;

/**
 * One scheduled job as the job store sees it, with its latest recorded run.
 *
 * @param name         the job's name, e.g. {@code square-off-NSE}
 * @param exchange     the exchange whose calendar and time zone its triggers follow
 * @param description  what it does and when
 * @param misfirePolicy what happens to a run missed while no scheduler was running
 * @param nextFireTime the earliest next fire time over its triggers, null when none will fire again
 * @param lastRunAt    when its latest recorded run (or misfire) started, null when never
 * @param lastOutcome  SUCCEEDED, SKIPPED, FAILED or MISFIRED, null when never
 * @param lastDetail   what the latest run said, null when never
 */
public record JobStatus(String name, String exchange, String description, String misfirePolicy, Instant nextFireTime,
                        Instant lastRunAt, String lastOutcome, String lastDetail) {
}
