package io.tradepilot.backtests.internal;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one chunk of a sweep (job data {@value #SWEEP_ID}, {@value #CHUNK}), on the backtests' scheduler
 * like {@link BacktestJob}: stored with {@code requestRecovery}, so a chunk whose worker died fires again with
 * {@code isRecovering()} on another instance. It hands the firing to the {@link SweepChunks} in the scheduler context.
 */
public final class SweepChunkJob implements Job {

    static final String SWEEP_ID = "sweepId";
    static final String CHUNK = "chunk";
    static final String CHUNKS = "sweepChunks";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        SweepChunks chunks;
        try {
            chunks = (SweepChunks) context.getScheduler().getContext().get(CHUNKS);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
        if (chunks == null) throw new JobExecutionException("no sweep chunks in the scheduler context");
        var data = context.getMergedJobDataMap();
        chunks.fired(data.getLong(SWEEP_ID), data.getInt(CHUNK), context.isRecovering());
    }
}
