package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.cli.EngineBacktestExecutor;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.cli.UsageException;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.Sweep;
import io.tradepilot.engine.research.SweepChunk;
import io.tradepilot.engine.research.SweepSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A sweep's chunks as jobs on the backtests' clustered Quartz scheduler ({@link BacktestQueue}'s, the same job
 * store and threads; this registers itself in its context for {@link SweepChunkJob}): one job per chunk with
 * {@code requestRecovery}, so any instance with workers computes chunks and a dead worker's chunk is redone elsewhere.
 * A firing claims its chunk ({@link SweepStore#claim}), runs the engine's {@link Sweep#runChunk} on the sweep's bars,
 * and writes the cells with the chunk's DONE ({@link SweepStore#complete}).
 */
final class SweepChunks extends PartJobs {

    private static final Logger log = LoggerFactory.getLogger(SweepChunks.class);
    static final String GROUP = "sweeps";

    private final SweepStore store;
    private final BacktestData data;
    private final Clock clock;

    SweepChunks(BacktestQueue queue, SweepStore store, BacktestData data, Clock clock) {
        super(queue, GROUP, "sweep", SweepChunkJob.class, SweepChunkJob.CHUNKS, SweepChunkJob.SWEEP_ID, SweepChunkJob.CHUNK);
        this.store = store;
        this.data = data;
        this.clock = clock;
    }

    /** Queues the jobs of chunks not DONE of unfinished sweeps whose job is missing (after a start). */
    void requeueMissing() {
        requeueMissing(store.unfinishedChunks());
    }

    /** A firing of chunk {@code chunk} of sweep {@code id}: answers whether this firing wrote the chunk's cells. */
    boolean fired(long id, int chunk, boolean recovering) {
        SweepStore.Claim claim = store.claim(id, chunk, recovering, worker(), clock.instant());
        if (claim == null) return false;
        try {
            SweepChunk result = sweep(claim.sweep(), data).runChunk(claim.from(), claim.to());
            return store.complete(id, chunk, claim.attempt(), result, clock.instant());
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Sweep {} chunk {} failed: {}", id, chunk, why, e instanceof IllegalArgumentException ? null : e);
            store.fail(id, chunk, claim.attempt(), why == null ? "failed" : why.substring(0, Math.min(1900, why.length())), clock.instant());
            return false;
        }
    }

    /** The engine's sweep of a stored sweep on its bars (one thread: a chunk is a job, the workers are the parallelism). */
    static Sweep sweep(SweepStore.Stored s, BacktestData data) {
        StrategyParameters.Resolved strategy = strategy(s.document());
        ParameterSpace space = space(strategy, s.axes(), s.samples(), s.seed());
        List<BarSeries> series = new ArrayList<>();
        for (String symbol : s.symbols()) series.add(bars(s, symbol, data));
        BacktestConfig config = config(s, series.getFirst());
        SweepSpec spec = new SweepSpec(space, s.quantity() == null ? null : new Quantity(s.quantity()), config, false, true);
        return new Sweep(spec, series.stream().map(EngineBacktestExecutor::arrays).toList(), 1);
    }

    /** The symbol's bars of a stored sweep's (or walk-forward's) range. */
    static BarSeries bars(SweepStore.Stored run, String symbol, BacktestData data) {
        BarSeries bars = data.load(symbol, run.from(), run.to()).orElseThrow(() -> new IllegalArgumentException("no data for " + symbol));
        if (bars.isEmpty()) throw new IllegalArgumentException("no bars of " + symbol + " from " + run.from() + " to " + run.to());
        return bars;
    }

    /** The engine's configuration of a stored sweep's (or walk-forward's) run, as a backtest run of it over {@code series}. */
    static BacktestConfig config(SweepStore.Stored s, BarSeries series) {
        return EngineBacktestExecutor.config(s.cash(), BacktestWorker.broker(s.fill(), s.fee(), s.feeValue(), s.slippage(), s.slippageValue()),
                s.closeAtEnd(), s.cashOnly(), series);
    }

    static StrategyParameters.Resolved strategy(String document) {
        try {
            return StrategyParameters.fromConfigText("configuration", document);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The cells of a sweep: the swept {@code axes} (in their order, first), every other parameter the configuration
     * sets kept at its value (a one-value axis); a seeded sample of them when {@code samples} is given.
     */
    static ParameterSpace space(StrategyParameters.Resolved strategy, List<ParameterAxis> axes, Integer samples, Long seed) {
        List<ParameterAxis> all = new ArrayList<>(axes);
        Set<String> swept = new HashSet<>();
        axes.forEach(a -> swept.add(a.name()));
        // by name: the resolved values' map has no order of its own (it differs between JVMs)
        new java.util.TreeMap<>(strategy.values()).forEach((name, value) -> {
            if (!swept.contains(name)) all.add(new ParameterAxis(name, List.of(value)));
        });
        return samples == null ? ParameterSpace.grid(strategy.strategy(), all)
                : ParameterSpace.random(strategy.strategy(), all, samples, seed == null ? 1 : seed);
    }
}
