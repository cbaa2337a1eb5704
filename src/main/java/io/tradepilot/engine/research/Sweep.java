package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.strategy.PositionSizing;
import io.tradepilot.engine.strategy.SmaCross;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs a {@link SweepSpec} over a list of series, a chunk of cells at a time, on {@code threads} threads.
 *
 * <p>Contracts. Each cell's result on each series equals an independent {@code Backtest.run} of that cell's
 * strategy on that series with the spec's configuration: sma-cross cells go through the exact
 * {@link SmaCrossKernel} when {@link SmaCrossKernel#supports} the configuration (bars read once as the
 * series' primitive arrays; the rolling sums of each distinct period computed once per series and chunk and
 * shared by all cells), every other cell through the engine itself. Results do not depend on the thread count
 * nor on how the cells are chunked: the union of the chunks of {@link SweepChunk#ranges} merged with
 * {@link SweepResult#merge} equals {@link #runAll()}.
 */
public final class Sweep {
    private final SweepSpec spec;
    private final List<BarArrays> data;
    private final int threads;
    private final boolean kernel;
    private final long[] dates;
    private final int[][] dateIndex;
    private final int[] seriesPerDate;
    private final Parameters[] params;

    /** Refuses no series, a thread count below 1, or a space whose strategy needs a quantity that is missing. */
    public Sweep(SweepSpec spec, List<BarArrays> data, int threads) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = List.copyOf(data);
        if (this.data.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one series");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.threads = threads;
        String strategy = spec.space().strategy();
        Strategies.Definition def = Strategies.definition(strategy);
        if (spec.quantity() == null && !def.sizesItself()) throw new IllegalArgumentException(strategy + " trades a fixed quantity: give one");
        this.kernel = strategy.equals(SmaCross.NAME) && spec.quantity() != null && SmaCrossKernel.supports(spec.config(), spec.quantity());
        ParameterSchema schema = def.schema();
        List<Cell> cells = spec.space().cells();
        params = new Parameters[cells.size()];
        for (int i = 0; i < params.length; i++) params[i] = schema.validate(cells.get(i).params(), "").values();
        // the union of the series' bar times, and each bar's place in it
        long[] all = data.stream().flatMapToLong(a -> Arrays.stream(a.startMillis())).sorted().distinct().toArray();
        dates = all;
        dateIndex = new int[this.data.size()][];
        seriesPerDate = new int[all.length];
        for (int s = 0; s < this.data.size(); s++) {
            long[] t = this.data.get(s).startMillis();
            int[] idx = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                idx[i] = Arrays.binarySearch(all, t[i]);
                seriesPerDate[idx[i]]++;
            }
            dateIndex[s] = idx;
        }
    }

    /** Whether sma-cross cells use the exact kernel (false: every cell runs the engine). */
    public boolean usesKernel() { return kernel; }
    public SweepSpec spec() { return spec; }
    public long[] dates() { return dates; }
    public List<String> symbols() { return data.stream().map(a -> a.instrument().symbol()).toList(); }

    /** Every cell, as one chunk. */
    public SweepResult runAll() {
        return SweepResult.merge(spec.space(), symbols(), dates, List.of(runChunk(0, spec.space().size())));
    }

    /** The cells {@code [from, to)}; refuses a range outside the space. */
    public SweepChunk runChunk(int from, int to) {
        int size = spec.space().size();
        if (from < 0 || to < from || to > size) throw new IllegalArgumentException("chunk [" + from + ", " + to + ") outside [0, " + size + ")");
        int cells = to - from;
        SeriesOutcome[][] outcomes = new SeriesOutcome[cells][data.size()];
        BacktestResult[][] results = spec.keepResults() ? new BacktestResult[cells][data.size()] : null;
        double[][] returns = spec.keepReturns() ? new double[cells][dates.length] : null;
        ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
        try {
            for (int s = 0; s < data.size(); s++) {
                BarArrays a = data.get(s);
                Map<Integer, long[]> sums = kernel ? sums(a, from, to) : Map.of();
                int series = s;
                java.util.function.IntConsumer cell = c -> {
                    BacktestResult r = runCell(c, a, sums);
                    outcomes[c - from][series] = SeriesOutcome.of(r);
                    if (results != null) results[c - from][series] = r;
                    if (returns != null) addReturns(r, dateIndex[series], returns[c - from]);
                };
                if (pool == null) IntStream.range(from, to).forEach(cell);
                else pool.submit(() -> IntStream.range(from, to).parallel().forEach(cell)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) pool.shutdown();
        }
        List<CellResult> out = new ArrayList<>(cells);
        for (int k = 0; k < cells; k++) {
            double[] ret = null;
            if (returns != null) {
                ret = returns[k];
                for (int d = 0; d < ret.length; d++) ret[d] /= seriesPerDate[d];
            }
            out.add(new CellResult(spec.space().cells().get(from + k), kernel, List.of(outcomes[k]),
                    results == null ? null : List.of(results[k]), ret));
        }
        return new SweepChunk(from, to, out);
    }

    /** The rolling sums of every distinct period used by the cells {@code [from, to)}, computed once. */
    private Map<Integer, long[]> sums(BarArrays a, int from, int to) {
        Map<Integer, long[]> sums = new HashMap<>();
        for (int c = from; c < to; c++) {
            for (String p : new String[]{"fast", "slow"}) {
                sums.computeIfAbsent(params[c].integer(p), period -> SmaCrossKernel.rollingSums(a.close(), period));
            }
        }
        return sums;
    }

    /** One cell on one series: the kernel when it applies, else the engine. */
    BacktestResult runCell(int c, BarArrays a, Map<Integer, long[]> sums) {
        Parameters p = params[c];
        if (kernel) {
            int fast = p.integer("fast"), slow = p.integer("slow");
            return SmaCrossKernel.run(a, sums.get(fast), sums.get(slow), fast, slow, spec.quantity(), spec.config());
        }
        return Backtest.run(a, Strategies.create(spec.space().strategy(), p.asMap(), sizing()), spec.config());
    }

    private PositionSizing sizing() {
        if (spec.quantity() != null) return new Strategies.FixedSizing(spec.quantity());
        return (ctx, entry, stop) -> {
            throw new IllegalStateException(spec.space().strategy() + " sizes its entries itself");
        };
    }

    private void addReturns(BacktestResult r, int[] idx, double[] into) {
        double[] e = r.equityValues();
        double prev = r.config().initialCash().doubleValue();
        for (int i = 0; i < e.length; i++) {
            into[idx[i]] += prev == 0 ? 0 : e[i] / prev - 1;
            prev = e[i];
        }
    }
}
