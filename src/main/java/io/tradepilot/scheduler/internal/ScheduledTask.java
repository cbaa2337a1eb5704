package io.tradepilot.scheduler.internal;

import java.time.Instant;
import java.util.Objects;

/** The work behind a scheduled job. Implementations are Spring beans, found by {@link #name()}. */
public interface ScheduledTask {

    /** The name jobs refer to ({@link JobSpec#task()}). */
    String name();

    /**
     * Does the work of one run. Returns what happened (done, or skipped with the reason); throws when it
     * failed, which the run records as FAILED and the listener logs.
     */
    Result run(Run run) throws Exception;

    /**
     * One run.
     *
     * @param scheduledAt the fire time this run was scheduled for (a late run's missed time)
     * @param firedAt     when it actually started
     */
    record Run(String job, String exchange, Instant scheduledAt, Instant firedAt) {
        public Run {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(scheduledAt, "scheduledAt");
            Objects.requireNonNull(firedAt, "firedAt");
        }
    }

    /** What a run did: {@code skipped} runs did nothing, on purpose, and say why. */
    record Result(boolean skipped, String detail) {
        public static Result done(String detail) {
            return new Result(false, detail);
        }

        public static Result skipped(String why) {
            return new Result(true, why);
        }
    }
}
