package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.UniverseReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backtest --data DIR}: per-symbol and combined files plus a self-contained HTML report. */
class UniverseBacktestTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path universe() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path sample = Path.of(getClass().getResource("/marketdata/daily_sample.csv").toURI());
        Files.copy(sample, data.resolve("AAA.csv"));
        Files.copy(sample, data.resolve("BBB.csv"));
        Files.writeString(data.resolve("_meta.csv"), "Company,Industry\n");
        return data;
    }

    @Test
    void a_folder_runs_independent_single_symbol_runs_labelled_as_such_with_per_symbol_figures_only() throws Exception {
        Path data = universe();
        Path out = dir.resolve("report");
        Run r = run("backtest", "--data", data.toString(), "--strategy", "sma-cross", "--param", "fast=3", "--param", "slow=8",
                "--quantity", "10", "--cash", "100000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 independent single-symbol runs (not a portfolio)"), r.out());
        for (String f : List.of("AAA/trades.csv", "AAA/equity.csv", "AAA/metrics.json", "BBB/trades.csv", "trades.csv", "symbols.csv", "metrics.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("equity.csv")), "no combined equity: the runs share no account");
        List<String> symbols = Files.readAllLines(out.resolve("symbols.csv"));
        assertEquals(UniverseReport.SYMBOLS_HEADER, symbols.get(0));
        assertEquals(3, symbols.size(), "one row per symbol");
        String aaaMetrics = Files.readString(out.resolve("AAA/metrics.json"));
        String aaaRow = symbols.get(1);
        assertTrue(aaaRow.startsWith("AAA," + (Files.readAllLines(out.resolve("AAA/trades.csv")).size() - 1) + ","), aaaRow);
        assertTrue(aaaMetrics.contains("\"trades_pnl_net\": " + aaaRow.split(",")[2] + ","), "the row's net P&L is the run's own: " + aaaRow);
        long perSymbol = Files.readAllLines(out.resolve("AAA/trades.csv")).size() - 1;
        List<String> combined = Files.readAllLines(out.resolve("trades.csv"));
        assertEquals("symbol,direction,entry_time,entry_price,exit_time,exit_price,quantity,pnl_net,r", combined.get(0));
        assertEquals(2 * perSymbol, combined.size() - 1, "both symbols' trades");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Independent single-symbol runs") && html.contains("not a portfolio") && html.contains("<h2>Per symbol</h2>")
                && html.contains("<h2>Trades</h2>"), "report sections");
        assertFalse(html.contains("<svg") || html.contains("Monthly returns"), "no combined equity curve or monthly returns");
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("src="), "no external resources");
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"kind\": \"independent_runs\"") && metrics.contains("\"symbols\": 2") && metrics.contains("not a portfolio"), metrics);
        assertTrue(metrics.contains("\"AAA\": {\"trades\": ") && metrics.contains("\"BBB\": {\"trades\": "), metrics);
        assertTrue(metrics.contains("\"trades_pnl_net\": ") && metrics.contains("\"max_drawdown\": ") && !metrics.contains("netPnl"), metrics); // the per-symbol files' snake_case
        String header = metrics.substring(0, metrics.indexOf("\"runs\""));
        assertFalse(header.contains("total_return") || header.contains("max_drawdown") || header.contains("pnl"), "no combined figure: " + header);
    }

    @Test
    void a_malformed_file_in_the_folder_fails_the_run_with_nothing_written() throws Exception {
        Path data = universe();
        Files.writeString(data.resolve("BAD.csv"), "date,open,high,low,close,volume\n2024-01-02,100,99,101,100,5\n");
        Path out = dir.resolve("report");
        Run r = run("backtest", "--data", data.toString(), "--strategy", "sma-cross", "--quantity", "10", "--cash", "100000", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
