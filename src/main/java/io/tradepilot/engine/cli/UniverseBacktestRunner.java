package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.UniverseReport;
import io.tradepilot.engine.backtest.UniverseResult;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code backtest --data DIR}: runs the request's strategy on every {@code SYMBOL.csv} of the folder
 * (files starting with {@code _} are metadata and skipped), each alone with the request's cash
 * (independent runs, not a portfolio), and writes {@link UniverseReport}'s per-symbol files, combined
 * trade list and {@code report.html} atomically into {@code --out}. Every file is read before anything runs, so a malformed file fails the whole run with
 * nothing written.
 */
final class UniverseBacktestRunner {
    private final EngineBacktestExecutor executor;

    UniverseBacktestRunner(EngineBacktestExecutor executor) {
        this.executor = executor;
    }

    int run(BacktestRequest request, PrintStream out, PrintStream err) throws UsageException, IOException {
        Map<String, BarSeries> series = readFolder(request, err);
        Map<String, BacktestResult> results = new LinkedHashMap<>();
        for (var e : series.entrySet()) results.put(e.getKey(), executor.runOne(request, e.getValue()));
        UniverseResult u = new UniverseResult(request.cash(), results);
        AtomicOutput.writeDirectory(request.outDir(), staging -> UniverseReport.writeAll(u, request.strategy().strategy(), staging));
        out.println("backtest: " + results.size() + " independent single-symbol runs (not a portfolio), " + u.trades().size()
                + " round trips -> " + request.outDir() + " (symbols.csv, report.html)");
        return Cli.EXIT_OK;
    }

    /**
     * Every {@code SYMBOL.csv} of the request's folder (not those starting with {@code _}), by symbol in file name
     * order, each read completely; refuses a folder without bar files and an empty file.
     */
    static Map<String, BarSeries> readFolder(BacktestRequest request, PrintStream err) throws UsageException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(request.data())) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        if (files.isEmpty()) throw new UsageException("--data: no .csv files in " + request.data());
        Map<String, BarSeries> series = new LinkedHashMap<>();
        for (Path f : files) {
            BarSeries s = DataOptions.read(f, request.zone(), request.readOptions(), err);
            if (s.isEmpty()) throw new UsageException("no bars in " + f);
            series.put(CsvBarReader.symbolOf(f), s);
        }
        return series;
    }
}
