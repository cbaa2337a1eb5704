package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarWriter;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.WalkForward;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code walkforward --data FILE.csv --strategy NAME --grid name=from:to:step ... --is-bars N --oos-bars N [--anchored]
 * [--metric M] [--quantity N] --cash AMOUNT [--commission-pct PCT] [--fill next-open|close] [--cash-only] [--threads N]
 * --out DIR}: walk-forward optimisation ({@link WalkForward}) of one series.
 *
 * <p>Writes atomically into {@code --out}: {@code windows.csv} (per window: its IS and OOS dates, the chosen cell,
 * the IS objective and net P&L, the OOS net P&L, round trips and Sharpe), {@code oos_equity.csv} (the stitched
 * out-of-sample equity, exact) and {@code walkforward.json} (totals and the walk-forward efficiency).
 */
public final class WalkForwardCommand implements Command {
    @Override
    public String name() {
        return "walkforward";
    }

    @Override
    public String summary() {
        return "walk-forward optimisation over one bar file; writes windows.csv, oos_equity.csv, walkforward.json";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>(ResearchInput.options(false));
        o.add(Option.required("is-bars", "N", "bars per in-sample window (its first window's size when anchored)"));
        o.add(Option.required("oos-bars", "N", "bars per out-of-sample window (also the step)"));
        o.add(Option.flag("anchored", "in-sample windows all start at the first bar (default: rolling)"));
        o.add(Option.optional("metric", "NAME", "the in-sample objective (default sharpe): " + SweepCommand.metricNames()));
        return List.copyOf(o);
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        SweepMetric metric = SweepCommand.metric(args);
        int isBars = args.integer("is-bars", 0, 1, 10_000_000);
        int oosBars = args.integer("oos-bars", 0, 1, 10_000_000);
        ResearchInput in = ResearchInput.parse(args, false, err);
        BarSeries series = in.series().getFirst();
        if (series.size() <= isBars) throw new UsageException("--is-bars " + isBars + " leaves no out-of-sample bar: the file has " + series.size() + " bars");
        WalkForward.Result r = WalkForward.run(in.space(), in.quantity(), in.config(), in.arrays().getFirst(), isBars, oosBars, args.has("anchored"),
                metric, ResearchInput.threads(args));
        Path outDir = args.path("out");
        AtomicOutput.writeDirectory(outDir, staging -> {
            writeWindows(staging.resolve("windows.csv"), series, in.space().axes(), r);
            try (BufferedWriter w = Files.newBufferedWriter(staging.resolve("oos_equity.csv"), StandardCharsets.UTF_8)) {
                w.write("time,equity\n");
                for (WalkForward.EquityPoint p : r.stitched()) w.write(p.time() + "," + p.equity().toPlainString() + "\n");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", in.space().strategy());
            m.put("cells", in.space().size());
            m.put("objective", metric.key());
            m.put("anchored", r.anchored());
            m.put("is_bars", isBars);
            m.put("oos_bars", oosBars);
            m.put("windows", r.windows().size());
            m.put("oos_pnl_net", r.oosPnlNet());
            m.put("final_equity", in.config().initialCash().add(r.oosPnlNet()));
            m.put("walk_forward_efficiency", r.efficiency());
            Files.writeString(staging.resolve("walkforward.json"), JsonText.of(m), StandardCharsets.UTF_8);
        });
        out.printf(Locale.ROOT, "walkforward: %d windows (%s), %d cells each, OOS net P&L %s, walk-forward efficiency %s -> %s%n",
                r.windows().size(), r.anchored() ? "anchored" : "rolling", in.space().size(), r.oosPnlNet().toPlainString(),
                SweepCommand.fmt(r.efficiency()), outDir);
        return Cli.EXIT_OK;
    }

    private static void writeWindows(Path file, BarSeries s, List<ParameterAxis> axes, WalkForward.Result r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder("window,is_from,is_to,oos_from,oos_to");
            for (ParameterAxis a : axes) sb.append(',').append(a.name());
            w.write(sb.append(",is_objective,is_pnl_net,oos_pnl_net,oos_trades,oos_sharpe\n").toString());
            for (WalkForward.WindowResult x : r.windows()) {
                WalkForward.Window win = x.window();
                sb.setLength(0);
                sb.append(win.index()).append(',');
                CsvBarWriter.appendTime(s, win.isFrom(), sb).append(',');
                CsvBarWriter.appendTime(s, win.isTo() - 1, sb).append(',');
                CsvBarWriter.appendTime(s, win.oosFrom(), sb).append(',');
                CsvBarWriter.appendTime(s, win.oosTo() - 1, sb);
                for (ParameterAxis a : axes) sb.append(',').append(x.chosen().params().get(a.name()));
                sb.append(',').append(SweepCommand.number(x.isObjective())).append(',').append(x.isPnlNet().toPlainString())
                        .append(',').append(x.oosPnlNet().toPlainString()).append(',').append(x.oos().trades().size())
                        .append(',').append(SweepCommand.number(x.oos().metrics().sharpe()));
                w.write(sb.append('\n').toString());
            }
        }
    }
}
