package io.tradepilot.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backtest --config FILE} and {@code backtest --strategy NAME} for the library's strategies. */
class BacktestConfigOptionTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path sample() throws Exception {
        Path p = dir.resolve("SAMPLE.csv");
        Files.copy(Path.of(getClass().getResource("/marketdata/daily_sample.csv").toURI()), p);
        return p;
    }

    @Test
    void a_shipped_example_config_runs_a_backtest_in_place_of_strategy_and_param() throws Exception {
        Path data = sample();
        Path out = dir.resolve("bt");
        Run r = run("backtest", "--config", "src/main/resources/strategies/examples/mean-reversion.yaml", "--data", data.toString(),
                "--cash", "1000000", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("trades.csv")));
    }

    @Test
    void quantity_is_required_for_a_fixed_size_strategy_and_refused_where_something_else_sizes_the_entries() throws Exception {
        Path data = sample();
        Path out = dir.resolve("bt");
        Run fixed = run("backtest", "--strategy", "sma-cross", "--data", data.toString(), "--cash", "1000000", "--out", out.toString());
        assertEquals(2, fixed.code());
        assertEquals("backtest: missing required option --quantity (the strategy trades a fixed quantity)\n", fixed.err());
        Run risk = run("backtest", "--config", "src/main/resources/strategies/examples/mean-reversion.yaml", "--data", data.toString(),
                "--quantity", "10", "--cash", "1000000", "--out", out.toString());
        assertEquals(2, risk.code());
        assertEquals("backtest: --quantity does not apply: the configuration sizes entries by risk_per_trade (0.25 % of equity)\n", risk.err());
        Run itself = run("backtest", "--config", "src/main/resources/strategies/examples/three-week-inside.yaml", "--data", data.toString(),
                "--quantity", "1", "--cash", "400000", "--out", out.toString());
        assertEquals("backtest: --quantity does not apply: 3wi sizes its entries from its own parameters\n", itself.err());
        assertFalse(Files.exists(out));
        Run ok = run("backtest", "--config", "src/main/resources/strategies/examples/three-week-inside.yaml", "--data", data.toString(),
                "--cash", "400000", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(out.resolve("metrics.json")));
    }

    @Test
    void every_library_strategy_runs_from_the_command_line_with_a_param() throws Exception {
        Path data = sample();
        String[][] runs = {{"3wi", "requireFilters=false"}, {"mean-reversion", "lookback=10"}, {"trend-pullback", "fast=5"},
                {"momentum", "lookback=5"}, {"orb", "rangeMinutes=30"}};
        for (String[] s : runs) {
            Path out = dir.resolve("bt-" + s[0]);
            List<String> args = new ArrayList<>(List.of("backtest", "--strategy", s[0], "--param", s[1], "--data", data.toString(),
                    "--cash", "1000000", "--out", out.toString()));
            if (!s[0].equals("3wi")) args.addAll(List.of("--quantity", "10")); // 3wi sizes its entries itself
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), s[0] + ": " + r.err());
        }
    }

    @Test
    void an_invalid_config_is_refused_with_every_problem_on_one_line_and_nothing_written() throws Exception {
        Path data = sample();
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "type: sma-cross\nname: x\nsymbols: [A]\nparameters: {fast: 10, slow: 5, fats: 1}\n");
        Path out = dir.resolve("bt");
        Run r = run("backtest", "--config", cfg.toString(), "--data", data.toString(), "--quantity", "10", "--cash", "1000000", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("backtest: --config bad.yaml: parameters.fats: unknown parameter (known: fast, slow)\n", r.err());
        assertFalse(Files.exists(out));
        Files.writeString(cfg, "type: sma-cross\nname: x\nsymbols: [A]\nparameters: {fast: 10, slow: 5}\n");
        r = run("backtest", "--config", cfg.toString(), "--data", data.toString(), "--quantity", "10", "--cash", "1000000", "--out", out.toString());
        assertEquals("backtest: --config bad.yaml: parameters.slow: must be greater than parameters.fast (10)\n", r.err());
        r = run("backtest", "--config", cfg.toString(), "--strategy", "sma-cross", "--data", data.toString(), "--quantity", "10", "--cash", "1000000", "--out", out.toString());
        assertEquals("backtest: --config replaces --strategy and --param: give one or the other\n", r.err());
        r = run("backtest", "--config", dir.resolve("none.yaml").toString(), "--data", data.toString(), "--quantity", "10", "--cash", "1000000", "--out", out.toString());
        assertTrue(r.err().startsWith("backtest: --config: no such file"), r.err());
        assertFalse(Files.exists(out));
    }
}
