package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.TradesCsvWriter;
import io.tradepilot.engine.research.MonteCarlo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code montecarlo --trades trades.csv --cash AMOUNT [--runs N] [--seed S] [--method reshuffle|bootstrap|both] --out DIR}:
 * Monte Carlo ({@link MonteCarlo}) of the round trips of a {@code backtest} result (its {@code trades.csv}, column
 * {@code pnl_net}; a folder run's combined {@code trades.csv} has it too).
 *
 * <p>Writes atomically into {@code --out}: {@code montecarlo.json} (per method: the 5th/50th/95th percentiles,
 * minimum and maximum of the final equity, the maximum drawdown in money and as a fraction of the peak, and the
 * longest losing streak) and {@code runs.csv} (every run). A trades file without a {@code pnl_net} column, or a
 * row whose {@code pnl_net} is not a number, is refused naming the line.
 */
public final class MonteCarloCommand implements Command {
    @Override
    public String name() {
        return "montecarlo";
    }

    @Override
    public String summary() {
        return "Monte Carlo (trade reshuffles, bootstrap) of a backtest's trades.csv; writes montecarlo.json, runs.csv";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.required("trades", "FILE", "a backtest's trades.csv (column pnl_net)"),
                Option.required("cash", "AMOUNT", "the starting equity of every run"),
                Option.optional("runs", "N", "runs per method (default 10000, at most " + MonteCarlo.MAX_RUNS + ")"),
                Option.optional("seed", "S", "random seed (default 1): the same seed gives the same result"),
                Option.optional("method", "reshuffle|bootstrap|both", "default both"),
                Option.required("out", "DIR", "output directory"));
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Path tradesFile = IndicatorsCommand.existingFile(args.path("trades"));
        BigDecimal cash = args.number("cash", null, BacktestCommand.CASH);
        int runs = args.integer("runs", 10_000, 1, MonteCarlo.MAX_RUNS);
        long seed = args.number("seed", "1", NumberRange.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE)).longValueExact();
        String methodText = args.value("method").orElse("both").toLowerCase(Locale.ROOT);
        List<MonteCarlo.Method> methods = switch (methodText) {
            case "both" -> List.of(MonteCarlo.Method.RESHUFFLE, MonteCarlo.Method.BOOTSTRAP);
            case "reshuffle" -> List.of(MonteCarlo.Method.RESHUFFLE);
            case "bootstrap" -> List.of(MonteCarlo.Method.BOOTSTRAP);
            default -> throw new UsageException("--method must be reshuffle, bootstrap or both: '" + methodText + "'");
        };
        Path outDir = BacktestCommand.outDir(args);
        List<BigDecimal> pnls = readPnls(tradesFile);
        if (pnls.isEmpty()) throw new UsageException("--trades: no trades in " + tradesFile);
        List<MonteCarlo.Result> results = new ArrayList<>();
        try {
            for (MonteCarlo.Method m : methods) results.add(MonteCarlo.run(pnls, cash, m, runs, seed));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trades: " + e.getMessage());
        }
        AtomicOutput.writeDirectory(outDir, staging -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("trades", pnls.size());
            doc.put("initial_cash", cash);
            doc.put("runs", runs);
            doc.put("seed", seed);
            for (MonteCarlo.Result r : results) doc.put(r.method().key(), distributions(r));
            Files.writeString(staging.resolve("montecarlo.json"), JsonText.of(doc), StandardCharsets.UTF_8);
            try (BufferedWriter w = Files.newBufferedWriter(staging.resolve("runs.csv"), StandardCharsets.UTF_8)) {
                w.write("method,run,final_equity,max_drawdown,max_drawdown_fraction,longest_losing_streak\n");
                for (MonteCarlo.Result r : results) {
                    for (int i = 0; i < r.each().size(); i++) {
                        MonteCarlo.Run x = r.each().get(i);
                        w.write(r.method().key() + "," + i + "," + x.finalEquity().toPlainString() + "," + x.maxDrawdown().toPlainString() + ","
                                + x.maxDrawdownFraction() + "," + x.longestLosingStreak() + "\n");
                    }
                }
            }
        });
        for (MonteCarlo.Result r : results) {
            out.printf(Locale.ROOT, "montecarlo %s: %d runs of %d trades; max drawdown p5/p50/p95 %s / %s / %s; final equity p5/p50/p95 %s / %s / %s%n",
                    r.method().key(), r.runs(), r.trades(), r.maxDrawdown().p5().toPlainString(), r.maxDrawdown().p50().toPlainString(),
                    r.maxDrawdown().p95().toPlainString(), r.finalEquity().p5().toPlainString(), r.finalEquity().p50().toPlainString(),
                    r.finalEquity().p95().toPlainString());
        }
        out.println("montecarlo: -> " + outDir);
        return Cli.EXIT_OK;
    }

    private static Map<String, Object> distributions(MonteCarlo.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("final_equity", money(r.finalEquity()));
        m.put("max_drawdown", money(r.maxDrawdown()));
        m.put("max_drawdown_fraction", stat(r.maxDrawdownFraction()));
        m.put("longest_losing_streak", stat(r.longestLosingStreak()));
        return m;
    }

    private static Map<String, Object> money(MonteCarlo.Money d) {
        return percentiles(d.min(), d.p5(), d.p50(), d.p95(), d.max());
    }

    private static Map<String, Object> stat(MonteCarlo.Stat d) {
        return percentiles(d.min(), d.p5(), d.p50(), d.p95(), d.max());
    }

    private static Map<String, Object> percentiles(Object min, Object p5, Object p50, Object p95, Object max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", min);
        m.put("p5", p5);
        m.put("p50", p50);
        m.put("p95", p95);
        m.put("max", max);
        return m;
    }

    /** The {@code pnl_net} column, exact; refuses a missing column or a bad value naming the line. */
    static List<BigDecimal> readPnls(Path file) throws IOException, UsageException {
        List<BigDecimal> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new UsageException("--trades: empty file " + file);
            List<String> cols = List.of(header.strip().split(",", -1));
            int col = cols.indexOf("pnl_net");
            if (col < 0) throw new UsageException("--trades: no pnl_net column in " + file.getFileName() + " (expected a backtest's trades.csv: "
                    + TradesCsvWriter.HEADER + ")");
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != cols.size()) throw new UsageException("--trades: line " + no + " has " + f.length + " fields, the header " + cols.size());
                try {
                    out.add(new BigDecimal(f[col].strip()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--trades: line " + no + ": pnl_net is not a number: '" + f[col] + "'");
                }
            }
        }
        return out;
    }
}
