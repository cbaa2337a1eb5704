package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.cli.EngineBacktestExecutor;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.WalkForward;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A walk-forward's windows as jobs on the backtests' clustered Quartz scheduler ({@link BacktestQueue}'s, the same job
 * store and threads as runs and sweep chunks; this registers itself in its context for {@link WalkForwardWindowJob}):
 * one job per symbol and window with {@code requestRecovery}, so any instance with workers computes windows and a dead
 * worker's window is redone elsewhere. A firing claims its window ({@link WalkForwardStore#claim}), runs the engine's
 * {@link WalkForward#runWindow} on the symbol's bars — the code of the command line's {@code walkforward} — and writes
 * the result with the window's DONE ({@link WalkForwardStore#complete}).
 */
final class WalkForwardWindows {

    private static final Logger log = LoggerFactory.getLogger(WalkForwardWindows.class);
    static final String GROUP = "walkforwards";

    private final BacktestQueue queue;
    private final WalkForwardStore store;
    private final BacktestData data;
    private final Clock clock;
    private final String worker;

    WalkForwardWindows(BacktestQueue queue, WalkForwardStore store, BacktestData data, Clock clock) {
        this.queue = queue;
        this.store = store;
        this.data = data;
        this.clock = clock;
        this.worker = queue.instanceId();
        try {
            queue.scheduler().getContext().put(WalkForwardWindowJob.WINDOWS, this);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register the walk-forward windows with the backtest scheduler", e);
        }
    }

    /** Queues the jobs of windows not DONE of unfinished walk-forwards whose job is missing (after a start). */
    void requeueMissing() {
        Map<Long, List<Integer>> missing = new LinkedHashMap<>();
        try {
            for (long[] w : store.unfinishedWindows()) {
                if (!queue.scheduler().checkExists(key(w[0], (int) w[1]))) missing.computeIfAbsent(w[0], k -> new ArrayList<>()).add((int) w[1]);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not look for the walk-forwards' jobs", e);
        }
        missing.forEach(this::enqueue);
    }

    /** Queues one job per window, firing now (or when a worker is free), in job order. */
    void enqueue(long id, List<Integer> jobs) {
        Map<JobDetail, Set<? extends Trigger>> scheduled = new LinkedHashMap<>();
        for (int job : jobs) {
            JobDetail detail = JobBuilder.newJob(WalkForwardWindowJob.class).withIdentity(key(id, job)).usingJobData(WalkForwardWindowJob.WALKFORWARD_ID, id)
                    .usingJobData(WalkForwardWindowJob.JOB, job).withDescription("walk-forward " + id + " window job " + job).requestRecovery(true).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("walkforward-" + id + "-" + job + "-0", GROUP).forJob(detail).startNow().build();
            scheduled.put(detail, Set.of(trigger));
        }
        try {
            queue.scheduler().scheduleJobs(scheduled, true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not queue the windows of walk-forward " + id, e);
        }
    }

    /** Removes the jobs of a cancelled walk-forward's windows (a window running finishes; its result is not written). */
    void unschedule(long id, int windows) {
        List<JobKey> keys = new ArrayList<>();
        for (int k = 0; k < windows; k++) keys.add(key(id, k));
        try {
            queue.scheduler().deleteJobs(keys);
        } catch (SchedulerException e) {
            log.warn("Could not remove the jobs of cancelled walk-forward {}: {}", id, e.toString());
        }
    }

    static JobKey key(long id, int job) {
        return JobKey.jobKey("walkforward-" + id + "-" + job, GROUP);
    }

    /** This instance's worker name (its Quartz instance id). */
    String worker() {
        return worker;
    }

    org.quartz.Scheduler scheduler() {
        return queue.scheduler();
    }

    /** A firing of window job {@code job} of walk-forward {@code id}: answers whether this firing wrote the window's result. */
    boolean fired(long id, int job, boolean recovering) {
        WalkForwardStore.Claim claim = store.claim(id, job, recovering, worker, clock.instant());
        if (claim == null) return false;
        try {
            WalkForward.WindowResult result = run(claim.walkForward(), claim.symbol(), claim.window(), data);
            return store.complete(id, job, claim.attempt(), result, clock.instant());
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Walk-forward {} window job {} failed: {}", id, job, why, e instanceof IllegalArgumentException ? null : e);
            store.fail(id, job, claim.attempt(), why == null ? "failed" : why.substring(0, Math.min(1900, why.length())), clock.instant());
            return false;
        }
    }

    /**
     * One window of a stored walk-forward on {@code symbol}'s bars: the engine's {@link WalkForward#runWindow} (one
     * thread: a window is a job, the workers are the parallelism).
     *
     * @throws IllegalArgumentException when the symbol's bars no longer give this window (the data changed)
     */
    static WalkForward.WindowResult run(WalkForwardStore.Stored w, String symbol, WalkForward.Window window, BacktestData data) {
        BarSeries bars = SweepChunks.bars(w.run(), symbol, data);
        if (!WalkForward.windows(bars.size(), w.isBars(), w.oosBars(), w.anchored()).contains(window)) {
            throw new IllegalArgumentException("the bars of " + symbol + " changed since the walk-forward was submitted (" + bars.size() + " bars now)");
        }
        ParameterSpace space = SweepChunks.space(SweepChunks.strategy(w.run().document()), w.run().axes(), null, null);
        return WalkForward.runWindow(space, w.run().quantity() == null ? null : new Quantity(w.run().quantity()), SweepChunks.config(w.run(), bars),
                EngineBacktestExecutor.arrays(bars), window, SweepMetric.of(w.metric()), 1);
    }
}
