package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.cli.EngineBacktestExecutor;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.WalkForward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * A walk-forward's windows as jobs on the backtests' clustered Quartz scheduler ({@link BacktestQueue}'s, the same job
 * store and threads as runs and sweep chunks; this registers itself in its context for {@link WalkForwardWindowJob}):
 * one job per symbol and window with {@code requestRecovery}, so any instance with workers computes windows and a dead
 * worker's window is redone elsewhere. A firing claims its window ({@link WalkForwardStore#claim}), runs the engine's
 * {@link WalkForward#runWindow} on the symbol's bars — the code of the command line's {@code walkforward} — and writes
 * the result with the window's DONE ({@link WalkForwardStore#complete}).
 */
final class WalkForwardWindows extends PartJobs {

    private static final Logger log = LoggerFactory.getLogger(WalkForwardWindows.class);
    static final String GROUP = "walkforwards";

    private final WalkForwardStore store;
    private final BacktestData data;
    private final Clock clock;

    WalkForwardWindows(BacktestQueue queue, WalkForwardStore store, BacktestData data, Clock clock) {
        super(queue, GROUP, "walkforward", WalkForwardWindowJob.class, WalkForwardWindowJob.WINDOWS, WalkForwardWindowJob.WALKFORWARD_ID,
                WalkForwardWindowJob.JOB);
        this.store = store;
        this.data = data;
        this.clock = clock;
    }

    /** Queues the jobs of windows not DONE of unfinished walk-forwards whose job is missing (after a start). */
    void requeueMissing() {
        requeueMissing(store.unfinishedWindows());
    }

    /** A firing of window job {@code job} of walk-forward {@code id}: answers whether this firing wrote the window's result. */
    boolean fired(long id, int job, boolean recovering) {
        WalkForwardStore.Claim claim = store.claim(id, job, recovering, worker(), clock.instant());
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
