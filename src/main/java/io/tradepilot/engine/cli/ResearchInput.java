package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.strategy.Strategies;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The options {@code sweep} and {@code walkforward} share with {@code backtest} (data, strategy, grid, sizing,
 * cash, fees, fill) and their validation into a {@link ParameterSpace}, a {@link BacktestConfig} and the series
 * as arrays. Everything is validated and every file read before anything runs.
 */
record ResearchInput(List<BarSeries> series, List<BarArrays> arrays, ParameterSpace space, Quantity quantity, BacktestConfig config) {

    /** Options shared by the research commands. */
    static List<Option> options(boolean folders) {
        List<Option> o = new ArrayList<>(List.of(
                Option.required("data", folders ? "FILE.csv|DIR" : "FILE.csv", folders
                        ? "bar file, or a folder of SYMBOL.csv files (independent single-symbol runs per cell; _*.csv skipped)" : "bar file"),
                Option.required("strategy", "NAME", "strategy: " + String.join(", ", StrategyParameters.NAMES)),
                Option.repeatable("grid", "name=from:to:step|name=v1,v2", "a swept parameter (repeatable); others take their defaults"),
                Option.optional("random", "N", "draw N cells of the grid at random (seeded) instead of the whole grid"),
                Option.optional("seed", "S", "seed of --random (default 1)"),
                Option.optional("quantity", "N", "fixed order quantity (required unless the strategy sizes itself)"),
                Option.required("cash", "AMOUNT", "starting cash of each run"),
                Option.optional("commission-pct", "PCT", "commission, percent of notional per fill (default 0)"),
                Option.optional("fill", "next-open|close", "market order fill timing (default next-open)"),
                Option.flag("cash-only", "refuse an entry the cash cannot pay for (the sweep then runs the engine per cell)"),
                Option.optional("threads", "N", "worker threads (default: all cores)"),
                Option.required("out", "DIR", "output directory")));
        o.addAll(DataOptions.options());
        return o;
    }

    static ResearchInput parse(ParsedArgs args, boolean folders, PrintStream err) throws UsageException, IOException {
        String strategy = args.required("strategy");
        if (!StrategyParameters.NAMES.contains(strategy)) {
            throw new UsageException("unknown strategy '" + strategy + "' (known: " + String.join(", ", StrategyParameters.NAMES) + ")");
        }
        if (args.values("grid").isEmpty()) throw new UsageException("missing required option --grid (at least one swept parameter)");
        List<ParameterAxis> axes = new ArrayList<>();
        ParameterSpace space;
        try {
            for (String g : args.values("grid")) axes.add(ParameterAxis.parse(g));
            if (args.has("random")) {
                int n = args.integer("random", 0, 1, 1_000_000);
                long seed = args.number("seed", "1", NumberRange.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE)).longValueExact();
                space = ParameterSpace.random(strategy, axes, n, seed);
            } else {
                if (args.has("seed")) throw new UsageException("--seed applies to --random only");
                space = ParameterSpace.grid(strategy, axes);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid: " + e.getMessage());
        }
        if (space.size() == 0) throw new UsageException("--grid: no valid cell (" + space.skipped() + " combinations break a rule of " + strategy + ")");
        boolean sizesItself = Strategies.definition(strategy).sizesItself();
        Quantity quantity = null;
        if (sizesItself && args.has("quantity")) throw new UsageException("--quantity does not apply: " + strategy + " sizes its entries from its own parameters");
        if (!sizesItself) {
            if (!args.has("quantity")) throw new UsageException("missing required option --quantity (the strategy trades a fixed quantity)");
            quantity = new Quantity(args.number("quantity", null, BacktestCommand.QUANTITY));
        }
        BigDecimal cash = args.number("cash", null, BacktestCommand.CASH);
        BigDecimal commission = args.number("commission-pct", "0", BacktestCommand.COMMISSION_PCT);
        BacktestRequest.Fill fill = BacktestCommand.fill(args);
        args.integer("threads", 1, 1, 1024);
        BacktestCommand.outDir(args);
        Path data = args.path("data");
        List<Path> files;
        if (Files.isDirectory(data)) {
            if (!folders) throw new UsageException("--data must be one bar file, not a folder: " + data);
            try (Stream<Path> s = Files.list(data)) {
                files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
            }
            if (files.isEmpty()) throw new UsageException("--data: no .csv files in " + data);
        } else {
            files = List.of(IndicatorsCommand.existingFile(data));
        }
        var zone = IndicatorsCommand.zone(args);
        var read = DataOptions.readOptions(args);
        List<BarSeries> series = new ArrayList<>();
        List<BarArrays> arrays = new ArrayList<>();
        for (Path f : files) {
            BarSeries s = DataOptions.read(f, zone, read, err);
            if (s.isEmpty()) throw new UsageException("no bars in " + f);
            series.add(s);
            arrays.add(EngineBacktestExecutor.arrays(s));
        }
        BacktestConfig config = EngineBacktestExecutor.config(cash, commission, fill, false, args.has("cash-only"), series.getFirst());
        return new ResearchInput(List.copyOf(series), List.copyOf(arrays), space, quantity, config);
    }

    static int threads(ParsedArgs args) throws UsageException {
        return args.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
    }

    /** {@code FROM:TO} of {@code --name}, within [0, max], FROM < TO. */
    static int[] range(ParsedArgs args, String name, int max) throws UsageException {
        String v = args.required(name);
        String[] p = v.split(":", -1);
        try {
            if (p.length != 2) throw new NumberFormatException();
            int from = Integer.parseInt(p[0].strip()), to = Integer.parseInt(p[1].strip());
            if (from < 0 || to <= from || to > max) throw new UsageException("--" + name + " must be FROM:TO with 0 <= FROM < TO <= " + max + ": " + v);
            return new int[]{from, to};
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be FROM:TO (cell indices): '" + v + "'");
        }
    }

}
