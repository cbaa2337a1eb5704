package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepReport;
import io.tradepilot.backtests.SweepRequest;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.research.CellResult;
import io.tradepilot.engine.research.Heatmap;
import io.tradepilot.engine.research.Overfitting;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.Sweep;
import io.tradepilot.engine.research.SweepChunk;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.SweepResult;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@link Sweeps}: reads for every signed-in role; submit and cancel for operators and admins, validated (the run as
 * {@link DefaultBacktests#validate} validates a run, the axes against the strategy's schema), audited before they take
 * effect and completed with SUCCESS or FAILED (the refusal).
 */
class DefaultSweeps implements Sweeps {

    static final int MAX_CELLS = 20_000;
    static final int MAX_AXES = 4;
    static final int DEFAULT_CHUNK = 25;
    /** The best cells flagged; the in-sample share of the IS/OOS split; CSCV blocks for PBO (as the command line's defaults). */
    static final int BEST = 10;
    static final double IS_FRACTION = 0.5;
    static final int BLOCKS = 16;

    private final SweepStore store;
    private final SweepChunks chunks;
    private final DefaultBacktests backtests;
    private final BacktestData data;
    private final Clock clock;

    DefaultSweeps(SweepStore store, SweepChunks chunks, DefaultBacktests backtests, BacktestData data, Clock clock) {
        this.store = store;
        this.chunks = chunks;
        this.backtests = backtests;
        this.data = data;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = SweepsDeniedHandler.class)
    public SweepInfo submit(SweepRequest request) {
        return backtests.audited("SWEEP_SUBMITTED", "sweeps", describe(request), () -> {
            SweepStore.NewSweep valid = validate(request);
            List<int[]> ranges = SweepChunk.ranges(valid.cells(), valid.chunkSize());
            long id = store.insert(valid, ranges, clock.instant());
            chunks.enqueue(id, IntStream.range(0, ranges.size()).boxed().toList());
            return store.info(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<SweepInfo> sweeps(int limit) {
        return store.latest(Math.max(1, Math.min(500, limit)));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public SweepInfo sweep(long id) {
        return store.info(id).orElseThrow(() -> unknown(id));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = SweepsDeniedHandler.class)
    public SweepInfo cancel(long id) {
        return backtests.audited("SWEEP_CANCELLED", "sweep:" + id, null, () -> {
            SweepInfo sweep = store.info(id).orElseThrow(() -> unknown(id));
            if (!store.cancel(id, clock.instant())) {
                throw new BacktestRefusal(409, "NOT_CANCELLABLE", "id", "Sweep " + id + " is " + store.info(id).orElseThrow().state() + ".");
            }
            chunks.unschedule(id, sweep.chunks());
            return store.info(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public SweepReport report(long id, String metricKey, String x, String y) {
        SweepInfo info = sweep(id);
        if (info.state() != RunState.DONE) throw new BacktestRefusal(409, "NOT_DONE", "id", "Sweep " + id + " is " + info.state() + ".");
        SweepMetric metric;
        try {
            metric = SweepMetric.of(metricKey == null || metricKey.isBlank() ? "sharpe" : metricKey);
        } catch (IllegalArgumentException e) {
            throw BacktestRefusal.badParameter("metric", e.getMessage());
        }
        SweepResult result = merged(id);
        List<String> swept = List.copyOf(info.axes().keySet());
        String xAxis = x == null || x.isBlank() ? swept.getFirst() : x;
        String yAxis = y == null || y.isBlank() ? (swept.size() > 1 ? swept.get(1) : null) : y;
        SweepReport.Heatmap heatmap = null;
        if (yAxis != null) {
            for (String[] a : new String[][]{{"x", xAxis}, {"y", yAxis}}) {
                if (!swept.contains(a[1])) throw BacktestRefusal.badParameter(a[0], "'" + a[1] + "' is not a swept parameter (swept: " + String.join(", ", swept) + ").");
            }
            if (xAxis.equals(yAxis)) throw BacktestRefusal.badParameter("y", "Choose two different parameters.");
            Heatmap h = Heatmap.of(result, metric, xAxis, yAxis);
            Double[][] values = new Double[h.values().length][];
            for (int i = 0; i < values.length; i++) values[i] = java.util.Arrays.stream(h.values()[i]).mapToObj(DefaultSweeps::num).toArray(Double[]::new);
            heatmap = new SweepReport.Heatmap(metric.key(), xAxis, h.xValues(), yAxis, h.yValues(), values);
        }
        List<SweepReport.Cell> cells = new ArrayList<>();
        for (CellResult c : result.cells()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (SweepMetric m : SweepMetric.values()) metrics.put(m.key(), num(c.metric(m)));
            cells.add(new SweepReport.Cell(c.cell().index(), swept(c.cell().params(), swept), metrics, c.pnlNet(), c.fees(),
                    (long) c.metric(SweepMetric.TRADES)));
        }
        List<CellResult> best = result.ranked(metric).subList(0, Math.min(BEST, result.cells().size()));
        List<SweepReport.Flag> flags = new ArrayList<>();
        Double pbo = null;
        Integer combinations = null;
        int periodsPerYear = SweepChunks.sweep(store.stored(id).orElseThrow(), data).spec().config().periodsPerYear();
        if (result.dates().length >= 2) {
            Overfitting.Report report = Overfitting.analyse(result, best, IS_FRACTION, periodsPerYear, BLOCKS);
            for (Overfitting.Flag f : report.best()) {
                flags.add(new SweepReport.Flag(f.cell().index(), swept(f.cell().params(), swept), num(f.sharpe()), num(f.sharpeInSample()),
                        num(f.sharpeOutOfSample()), num(f.gap()), num(f.dsr())));
            }
            if (report.pbo() != null) {
                pbo = num(report.pbo().pbo());
                combinations = report.pbo().combinations();
            }
        }
        return new SweepReport(info, metric.key(), swept, cells, flags, pbo, combinations, heatmap);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public Map<String, List<String>> strategyParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : StrategyParameters.NAMES) {
            out.put(name, Strategies.definition(name).schema().specs().stream().map(ParamSpec::name).toList());
        }
        return out;
    }

    /** The DONE sweep's chunks merged ({@link SweepResult#merge}: refuses gaps and overlaps) over its bars' dates. */
    SweepResult merged(long id) {
        Sweep sweep = SweepChunks.sweep(store.stored(id).orElseThrow(() -> unknown(id)), data);
        return SweepResult.merge(sweep.spec().space(), sweep.symbols(), sweep.dates(), store.chunks(id));
    }

    private static Map<String, String> swept(Map<String, String> params, List<String> swept) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : swept) out.put(name, params.get(name));
        return out;
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static BacktestRefusal unknown(long id) {
        return new BacktestRefusal(404, "UNKNOWN_SWEEP", "id", "No sweep " + id + ".");
    }

    /**
     * The swept axes of {@code parameters} (name to {@code from:to:step} or {@code v1,v2,...}; 1 to {@value #MAX_AXES}
     * parameters of the strategy's schema), in their order.
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER} naming {@code parameters} or {@code parameters.NAME}
     */
    static List<ParameterAxis> axes(Map<String, String> parameters, StrategyParameters.Resolved strategy) {
        if (parameters == null || parameters.isEmpty()) throw BacktestRefusal.badParameter("parameters", "Sweep at least one parameter.");
        if (parameters.size() > MAX_AXES) throw BacktestRefusal.badParameter("parameters", "Sweep at most " + MAX_AXES + " parameters.");
        List<String> known = Strategies.definition(strategy.strategy()).schema().specs().stream().map(ParamSpec::name).toList();
        List<ParameterAxis> axes = new ArrayList<>();
        for (var e : parameters.entrySet()) {
            String name = e.getKey() == null ? "" : e.getKey().strip();
            String field = "parameters." + name;
            if (!known.contains(name)) {
                throw BacktestRefusal.badParameter(field, "'" + clip(name) + "' is not a parameter of " + strategy.strategy() + " (known: " + String.join(", ", known) + ").");
            }
            if (e.getValue() == null || e.getValue().isBlank()) throw BacktestRefusal.badParameter(field, "Give from:to:step or v1,v2,...");
            try {
                axes.add(ParameterAxis.parse(name + "=" + e.getValue().strip()));
            } catch (IllegalArgumentException invalid) {
                throw BacktestRefusal.badParameter(field, invalid.getMessage());
            }
        }
        return axes;
    }

    /** The request checked field by field. */
    SweepStore.NewSweep validate(SweepRequest r) {
        if (r == null || r.run() == null) throw BacktestRefusal.badParameter("run", "Give the run every cell is (configuration, symbols, dates, cash).");
        JooqBacktestStore.NewRun run = backtests.validate(r.run());
        StrategyParameters.Resolved strategy = SweepChunks.strategy(run.document());
        if (strategy.riskPerTradePercent() != null) {
            throw BacktestRefusal.badParameter("configuration", "A sweep trades a fixed quantity: choose a configuration without risk_per_trade.");
        }
        List<ParameterAxis> axes = axes(r.parameters(), strategy);
        if (r.samples() != null && (r.samples() < 1 || r.samples() > MAX_CELLS)) {
            throw BacktestRefusal.badParameter("samples", "The sample must be from 1 to " + MAX_CELLS + " cells.");
        }
        if (r.seed() != null && r.samples() == null) throw BacktestRefusal.badParameter("seed", "A seed applies to a random sample only.");
        int chunkSize = r.chunkSize() == null ? DEFAULT_CHUNK : r.chunkSize();
        if (chunkSize < 1 || chunkSize > 1000) throw BacktestRefusal.badParameter("chunkSize", "The chunk size must be from 1 to 1,000 cells.");
        ParameterSpace space;
        try {
            space = SweepChunks.space(strategy, axes, r.samples(), r.seed());
        } catch (IllegalArgumentException invalid) {
            throw BacktestRefusal.badParameter("parameters", invalid.getMessage());
        }
        if (space.size() == 0) {
            throw new BacktestRefusal(422, "NO_CELLS", "parameters", "No combination is valid (" + space.skipped() + " break a rule of " + strategy.strategy() + ").");
        }
        if (space.size() > MAX_CELLS) throw BacktestRefusal.badParameter("parameters", "At most " + MAX_CELLS + " cells (this grid has " + space.size() + ").");
        Long seed = r.samples() == null ? null : r.seed() == null ? 1L : r.seed();
        return new SweepStore.NewSweep(run, axes, r.samples(), seed, space.size(), chunkSize);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String describe(SweepRequest r) {
        if (r == null) return null;
        return "parameters " + r.parameters() + "; samples " + r.samples() + "; seed " + r.seed() + "; chunk " + r.chunkSize() + "; run "
                + (r.run() == null ? null : (r.run().configKey() != null ? r.run().configKey() + " v" + r.run().configVersion() : "draft") + " "
                + r.run().symbols() + " " + r.run().from() + ".." + r.run().to());
    }
}
