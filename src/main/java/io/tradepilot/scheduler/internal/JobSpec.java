package io.tradepilot.scheduler.internal;

import java.util.Objects;

/**
 * One scheduled job: what runs ({@code task}), for which exchange, when, and what a missed run does.
 *
 * @param name     unique job name, e.g. {@code square-off-NSE}
 * @param task     the {@link ScheduledTask#name()} it runs
 * @param schedule daily at a {@link SessionTime}, or {@link Hourly} during the session
 * @param misfire  what happens to a fire time missed while no scheduler ran
 */
public record JobSpec(String name, String task, String exchange, String description, Schedule schedule, Misfire misfire) {

    public JobSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(misfire, "misfire");
    }

    /** When a job fires. */
    public sealed interface Schedule permits Daily, Hourly {
    }

    /** Once every trading day at {@code time}. */
    public record Daily(SessionTime time) implements Schedule {
    }

    /** Every hour during the regular session, starting one hour after the open (NSE 10:15 … 15:15). */
    public record Hourly() implements Schedule {
    }

    /** The misfire instruction, deliberately chosen per job. */
    public enum Misfire {
        /** Run once as soon as the scheduler is back (Quartz cron FIRE_ONCE_NOW), then keep the schedule. */
        FIRE_ONCE_NOW("run once at once, then keep the schedule"),
        /** Skip the missed runs (Quartz cron DO_NOTHING): the next scheduled time covers them. */
        SKIP("skip it; the next scheduled run covers it");

        private final String words;

        Misfire(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
