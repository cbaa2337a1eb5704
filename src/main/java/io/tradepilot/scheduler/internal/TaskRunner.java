package io.tradepilot.scheduler.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a job's task and records the run (SUCCEEDED, SKIPPED with the reason, or FAILED with the error)
 * in {@code job_run}. The Quartz job ({@link TaskJob}) calls it; it is reachable from there through the
 * scheduler context. A failure is rethrown after it is recorded so that Quartz's listeners see it.
 */
public final class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final Map<String, ScheduledTask> tasks;
    private final SchedulerStore store;
    private final Clock clock;
    private final String instance;

    public TaskRunner(List<ScheduledTask> tasks, SchedulerStore store, Clock clock, String instance) {
        this.tasks = tasks.stream().collect(Collectors.toUnmodifiableMap(ScheduledTask::name, Function.identity()));
        this.store = store;
        this.clock = clock;
        this.instance = instance;
    }

    /** Runs {@code task} for {@code job}; {@code scheduledAt} null means now (a run by hand). */
    public ScheduledTask.Result run(String job, String task, String exchange, Instant scheduledAt) throws Exception {
        ScheduledTask t = tasks.get(task);
        Instant started = clock.instant();
        Instant scheduled = scheduledAt == null ? started : scheduledAt;
        if (t == null) {
            String detail = "no task named '" + task + "' in this version of the application";
            store.recordRun(job, exchange, scheduled, started, clock.instant(), "FAILED", detail, instance);
            throw new IllegalStateException(detail);
        }
        try {
            ScheduledTask.Result result = t.run(new ScheduledTask.Run(job, exchange, scheduled, started));
            store.recordRun(job, exchange, scheduled, started, clock.instant(), result.skipped() ? "SKIPPED" : "SUCCEEDED",
                    result.detail(), instance);
            if (result.skipped()) log.info("Job {} skipped: {}", job, result.detail());
            else log.info("Job {} done: {}", job, result.detail());
            return result;
        } catch (Exception | Error e) {
            try {
                store.recordRun(job, exchange, scheduled, started, clock.instant(), "FAILED", String.valueOf(e), instance);
            } catch (RuntimeException recordFailed) {
                e.addSuppressed(recordFailed);
            }
            throw e;
        }
    }

    public String instance() {
        return instance;
    }
}
