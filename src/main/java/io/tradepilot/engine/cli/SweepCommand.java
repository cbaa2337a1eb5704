package io.tradepilot.engine.cli;

import io.tradepilot.engine.research.CellResult;
import io.tradepilot.engine.research.Heatmap;
import io.tradepilot.engine.research.Overfitting;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.Sweep;
import io.tradepilot.engine.research.SweepChunk;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.SweepResult;
import io.tradepilot.engine.research.SweepSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sweep --data FILE|DIR --strategy NAME --grid name=from:to:step ... [--random N [--seed S]] [--quantity N] --cash AMOUNT
 * [--commission-pct PCT] [--fill next-open|close] [--cash-only] [--metric M] [--heatmap X,Y] [--top N] [--is-fraction F]
 * [--blocks S] [--cells FROM:TO] [--threads N] --out DIR}: a parameter sweep ({@link Sweep}).
 *
 * <p>Writes atomically into {@code --out}: {@code cells.csv} (one row per cell: index, the swept parameters,
 * whether the exact kernel computed it, then trades, pnl_net, fees and every {@link SweepMetric}); for the whole
 * sweep also {@code heatmap.csv} ({@code --metric} over {@code --heatmap X,Y}, default the first two axes; rows Y,
 * columns X, empty where there is no cell) and {@code sweep.json} (the space, the best {@code --top} cells by
 * {@code --metric} with their overfitting flags, the in-sample optimiser's choice, PBO). {@code --cells FROM:TO}
 * computes only that chunk of cell indices (a job's share) and writes its {@code cells.csv}.
 */
public final class SweepCommand implements Command {
    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "parameter sweep (grid or random) over bar files; writes cells.csv, heatmap.csv, sweep.json";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>(ResearchInput.options(true));
        o.add(Option.optional("metric", "NAME", "ranking and heatmap metric (default sharpe): " + metricNames()));
        o.add(Option.optional("heatmap", "X,Y", "the two swept parameters of heatmap.csv (default the first two)"));
        o.add(Option.optional("top", "N", "best cells flagged for overfitting (default 5)"));
        o.add(Option.optional("is-fraction", "F", "in-sample share of the dates for the IS/OOS gap (default 0.5)"));
        o.add(Option.optional("blocks", "S", "CSCV blocks for PBO, even, 2..20 (default 16)"));
        o.add(Option.optional("cells", "FROM:TO", "compute only the cells FROM..TO-1 (a chunk) and write their cells.csv"));
        return List.copyOf(o);
    }

    static String metricNames() {
        return String.join(", ", java.util.Arrays.stream(SweepMetric.values()).map(SweepMetric::key).toList());
    }

    static SweepMetric metric(ParsedArgs args) throws UsageException {
        try {
            return SweepMetric.of(args.value("metric").orElse("sharpe"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metric: " + e.getMessage());
        }
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        SweepMetric metric = metric(args);
        int top = args.integer("top", 5, 1, 1000);
        double isFraction = args.number("is-fraction", "0.5", new NumberRange(BigDecimal.ZERO, false, BigDecimal.ONE, false, 6)).doubleValue();
        int blocks = args.integer("blocks", 16, 2, 20);
        if (blocks % 2 != 0) throw new UsageException("--blocks must be even: " + blocks);
        ResearchInput in = ResearchInput.parse(args, true, err);
        List<ParameterAxis> axes = in.space().axes();
        String[] heat = heatmapAxes(args, axes);
        int[] cells = args.has("cells") ? ResearchInput.range(args, "cells", in.space().size()) : null;
        Path outDir = args.path("out");
        SweepSpec spec = new SweepSpec(in.space(), in.quantity(), in.config(), false, cells == null);
        Sweep sweep = new Sweep(spec, in.arrays(), ResearchInput.threads(args));
        long bars = in.arrays().stream().mapToLong(a -> a.size()).sum();
        long t0 = System.nanoTime();
        if (cells != null) {
            SweepChunk chunk = sweep.runChunk(cells[0], cells[1]);
            AtomicOutput.writeDirectory(outDir, staging -> writeCells(staging.resolve("cells.csv"), axes, chunk.cells()));
            out.printf(Locale.ROOT, "sweep: cells %d..%d of %d, %d series, %d bars (%s) -> %s%n", cells[0], cells[1] - 1, in.space().size(),
                    in.arrays().size(), bars, sweep.usesKernel() ? "exact sma-cross kernel" : "engine per cell", outDir);
            return Cli.EXIT_OK;
        }
        SweepResult result = sweep.runAll();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<CellResult> best = result.ranked(metric).subList(0, Math.min(top, result.cells().size()));
        Overfitting.Report report = Overfitting.analyse(result, best, isFraction, in.config().periodsPerYear(), blocks);
        Heatmap heatmap = heat == null ? null : Heatmap.of(result, metric, heat[0], heat[1]);
        AtomicOutput.writeDirectory(outDir, staging -> {
            writeCells(staging.resolve("cells.csv"), axes, result.cells());
            if (heatmap != null) writeHeatmap(staging.resolve("heatmap.csv"), heatmap);
            Files.writeString(staging.resolve("sweep.json"), JsonText.of(summary(result, sweep, metric, best, report, bars, seconds)), StandardCharsets.UTF_8);
        });
        CellResult first = best.getFirst();
        out.printf(Locale.ROOT, "sweep: %d cells (%d combinations refused by the strategy's rules) x %d series, %d bars, %s, %.1f s; best by %s: %s (%s); PBO %s -> %s%n",
                result.cells().size(), in.space().skipped(), in.arrays().size(), bars, sweep.usesKernel() ? "exact sma-cross kernel" : "engine per cell",
                seconds, metric.key(), first.cell().label(), fmt(first.metric(metric)), report.pbo() == null ? "n/a" : fmt(report.pbo().pbo()), outDir);
        return Cli.EXIT_OK;
    }

    private static String[] heatmapAxes(ParsedArgs args, List<ParameterAxis> axes) throws UsageException {
        if (args.has("heatmap")) {
            String[] p = args.required("heatmap").split(",", -1);
            if (p.length != 2) throw new UsageException("--heatmap expects X,Y: '" + args.required("heatmap") + "'");
            String x = p[0].strip(), y = p[1].strip();
            List<String> names = axes.stream().map(ParameterAxis::name).toList();
            if (!names.contains(x) || !names.contains(y) || x.equals(y)) {
                throw new UsageException("--heatmap needs two different swept parameters (swept: " + String.join(", ", names) + "): " + x + "," + y);
            }
            return new String[]{x, y};
        }
        return axes.size() >= 2 ? new String[]{axes.get(0).name(), axes.get(1).name()} : null;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void writeCells(Path file, List<ParameterAxis> axes, List<CellResult> cells) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder("cell");
            for (ParameterAxis a : axes) sb.append(',').append(a.name());
            sb.append(",kernel,trades,pnl_net,fees");
            for (SweepMetric m : SweepMetric.values()) if (m != SweepMetric.TRADES && m != SweepMetric.PNL_NET) sb.append(',').append(m.key());
            w.write(sb.append('\n').toString());
            for (CellResult c : cells) {
                sb.setLength(0);
                sb.append(c.cell().index());
                for (ParameterAxis a : axes) sb.append(',').append(c.cell().params().get(a.name()));
                sb.append(',').append(c.kernel()).append(',').append((long) c.metric(SweepMetric.TRADES)).append(',')
                        .append(c.pnlNet().toPlainString()).append(',').append(c.fees().toPlainString());
                for (SweepMetric m : SweepMetric.values()) {
                    if (m != SweepMetric.TRADES && m != SweepMetric.PNL_NET) sb.append(',').append(number(c.metric(m)));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    private static void writeHeatmap(Path file, Heatmap h) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(h.yAxis() + "\\" + h.xAxis());
            for (String x : h.xValues()) sb.append(',').append(x);
            w.write(sb.append('\n').toString());
            for (int y = 0; y < h.yValues().size(); y++) {
                sb.setLength(0);
                sb.append(h.yValues().get(y));
                for (double v : h.values()[y]) sb.append(',').append(number(v));
                w.write(sb.append('\n').toString());
            }
        }
    }

    static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    private static Map<String, Object> summary(SweepResult r, Sweep sweep, SweepMetric metric, List<CellResult> best, Overfitting.Report report,
                                               long bars, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy", r.space().strategy());
        Map<String, Object> axes = new LinkedHashMap<>();
        for (ParameterAxis a : r.space().axes()) axes.put(a.name(), List.copyOf(a.values()));
        m.put("axes", axes);
        m.put("cells", r.cells().size());
        m.put("refused_combinations", r.space().skipped());
        m.put("series", r.symbols());
        m.put("bars", bars);
        m.put("bar_evaluations", bars * r.cells().size());
        m.put("kernel", sweep.usesKernel());
        m.put("seconds", seconds);
        m.put("metric", metric.key());
        m.put("trials", report.trials());
        m.put("trial_sharpe_variance", report.trialSharpeVariance());
        m.put("observations", report.observations());
        m.put("is_oos_split_date", report.observations() == 0 ? null : java.time.Instant.ofEpochMilli(r.dates()[Math.min(report.splitIndex(), r.dates().length - 1)]).toString());
        List<Object> flagged = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            Map<String, Object> f = flag(report.best().get(i));
            f.put(metric.key(), best.get(i).metric(metric));
            f.put("pnl_net", best.get(i).pnlNet());
            flagged.add(f);
        }
        m.put("best", flagged);
        m.put("best_in_sample", report.bestInSample() == null ? null : flag(report.bestInSample()));
        if (report.pbo() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pbo", report.pbo().pbo());
            p.put("blocks", report.pbo().blocks());
            p.put("combinations", report.pbo().combinations());
            double[] l = report.pbo().logits().clone();
            java.util.Arrays.sort(l);
            p.put("median_logit", l[l.length / 2]);
            m.put("pbo", p);
        } else {
            m.put("pbo", null);
        }
        return m;
    }

    private static Map<String, Object> flag(Overfitting.Flag f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", f.cell().index());
        m.put("params", new LinkedHashMap<String, Object>(f.cell().params()));
        m.put("sharpe_combined", f.sharpe());
        m.put("sharpe_in_sample", f.sharpeInSample());
        m.put("sharpe_out_of_sample", f.sharpeOutOfSample());
        m.put("is_oos_gap", f.gap());
        m.put("deflated_sharpe", f.dsr());
        return m;
    }
}
