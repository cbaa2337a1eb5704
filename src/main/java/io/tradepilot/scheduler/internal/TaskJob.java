package io.tradepilot.scheduler.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

import java.time.Instant;

/**
 * The one Quartz job class: runs the {@link ScheduledTask} its job data names ({@value #TASK}, for the
 * exchange {@value #EXCHANGE}) through the {@link TaskRunner} in the scheduler context. Never two runs
 * of one job at once (a run that takes long delays the next rather than overlapping it).
 */
@DisallowConcurrentExecution
public final class TaskJob implements Job {

    static final String TASK = "task";
    static final String EXCHANGE = "exchange";
    static final String RUNNER = "taskRunner";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        TaskRunner runner;
        try {
            runner = (TaskRunner) context.getScheduler().getContext().get(RUNNER);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        if (runner == null) throw new JobExecutionException("no task runner in the scheduler context");
        Instant scheduled = context.getScheduledFireTime() == null ? null : context.getScheduledFireTime().toInstant();
        try {
            runner.run(context.getJobDetail().getKey().getName(), data.getString(TASK), data.getString(EXCHANGE), scheduled);
        } catch (Exception e) {
            throw new JobExecutionException(e);
        }
    }
}
