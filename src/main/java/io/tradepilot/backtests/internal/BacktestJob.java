package io.tradepilot.backtests.internal;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one backtest run (job data {@value #RUN_ID}); stored with {@code requestRecovery}, so that when
 * the worker running it dies, another instance of the cluster (or this one after a restart) fires it again with
 * {@code isRecovering()}. It hands the firing to the {@link BacktestQueue} in the scheduler context.
 */
public final class BacktestJob implements Job {

    static final String RUN_ID = "runId";
    static final String QUEUE = "backtestQueue";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        BacktestQueue queue;
        try {
            queue = (BacktestQueue) context.getScheduler().getContext().get(QUEUE);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        if (queue == null) throw new JobExecutionException("no backtest queue in the scheduler context");
        queue.fired(context.getMergedJobDataMap().getLong(RUN_ID), context.isRecovering());
    }
}
