package io.tradepilot.backtests.internal;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one window of a walk-forward (job data {@value #WALKFORWARD_ID}, {@value #JOB}), on the backtests'
 * scheduler like {@link SweepChunkJob}: stored with {@code requestRecovery}, so a window whose worker died fires again
 * with {@code isRecovering()} on another instance. It hands the firing to the {@link WalkForwardWindows} in the
 * scheduler context.
 */
public final class WalkForwardWindowJob implements Job {

    static final String WALKFORWARD_ID = "walkForwardId";
    static final String JOB = "job";
    static final String WINDOWS = "walkForwardWindows";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        WalkForwardWindows windows;
        try {
            windows = (WalkForwardWindows) context.getScheduler().getContext().get(WINDOWS);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        if (windows == null) throw new JobExecutionException("no walk-forward windows in the scheduler context");
        var data = context.getMergedJobDataMap();
        windows.fired(data.getLong(WALKFORWARD_ID), data.getInt(JOB), context.isRecovering());
    }
}
