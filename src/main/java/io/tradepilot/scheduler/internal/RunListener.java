package io.tradepilot.scheduler.internal;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Logs every misfire (WARN, with the missed time and what the job's misfire instruction does about it)
 * and records it in {@code job_run} as MISFIRED; logs every job failure (ERROR, the run itself is
 * recorded as FAILED by the {@link TaskRunner}).
 */
public final class RunListener implements TriggerListener, JobListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    private final SchedulerStore store;
    private final Clock clock;
    private final String instance;

    public RunListener(SchedulerStore store, Clock clock, String instance) {
        this.store = store;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public String getName() {
        return "tradepilot-runs";
    }

    /** Called by the job store before it applies the misfire instruction: the next fire time is the missed one. */
    @Override
    public void triggerMisfired(Trigger trigger) {
        Instant missed = trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
        String job = trigger.getJobKey().getName();
        String exchange = trigger.getJobDataMap().getString(TaskJob.EXCHANGE);
        String policy = SchedulerHost.describeMisfire(trigger.getMisfireInstruction());
        log.warn("Misfire: job {} (trigger {}) missed its run at {} (no scheduler was running or all were busy); policy: {}",
                job, trigger.getKey().getName(), missed, policy);
        try {
            store.recordRun(job, exchange == null ? "" : exchange, missed, clock.instant(), clock.instant(), "MISFIRED",
                    "missed the run at " + missed + "; " + policy, instance);
        } catch (RuntimeException e) {
            log.error("Could not record the misfire of {}", job, e);
        }
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
        if (jobException != null) {
            Throwable cause = jobException.getCause() != null ? jobException.getCause() : jobException;
            log.error("Job {} failed (scheduled {})", context.getJobDetail().getKey().getName(), context.getScheduledFireTime(), cause);
        }
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context, Trigger.CompletedExecutionInstruction instruction) {
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
    }
}
