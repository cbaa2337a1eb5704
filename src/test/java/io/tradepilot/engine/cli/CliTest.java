package io.tradepilot.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Cli cli, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Cli.standard(), args);
    }

    Path sample() throws Exception {
        Path p = dir.resolve("SAMPLE.csv");
        Files.copy(Path.of(getClass().getResource("/marketdata/daily_sample.csv").toURI()), p);
        return p;
    }

    List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertOneLineError(Run r, String expected) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void indicators_writes_one_row_per_bar_with_empty_cells_during_warm_up() throws Exception {
        Path data = sample();
        Path out = dir.resolve("ind.csv");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString(), "--indicators", "sma3,rsi3,atr3,wma3,ema3,volratio3,bb3,std3,hh3,ll3");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("date,sma3,rsi3,atr3,wma3,ema3,volratio3,bb3_lower,bb3_middle,bb3_upper,std3,hh3,ll3");
        assertThat(lines.get(1)).isEqualTo("2021-04-26,,,,,,,,,,,,");
        assertThat(lines.get(2)).isEqualTo("2021-04-27,,,,,,,,,,,,");
        // index 2: sma3 = (104+103.5+101.05)/3 = 102.85; volratio3 = 15000/12000 = 1.25; hh3 = 106, ll3 = 99.1
        String[] row2 = lines.get(3).split(",", -1);
        assertThat(row2[0]).isEqualTo("2021-04-28");
        assertThat(Double.parseDouble(row2[1])).isEqualTo(102.85, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(row2[2]).isEmpty(); // rsi3 first at index 3
        assertThat(row2[3]).isEmpty(); // atr3 first at index 3
        assertThat(row2[6]).isEqualTo("1.25");
        assertThat(row2[11]).isEqualTo("106.0");
        assertThat(row2[12]).isEqualTo("99.1");
        assertThat(lines.get(4).split(",", -1)[2]).isNotEmpty();
        assertThat(files()).containsExactly("SAMPLE.csv", "ind.csv");
    }

    @Test
    void indicators_uses_the_default_list_and_keeps_intraday_times() throws Exception {
        Path data = dir.resolve("I.csv");
        Files.copy(Path.of(getClass().getResource("/marketdata/intraday_sample.csv").toURI()), data);
        Path out = dir.resolve("o.csv");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("date,rsi14,atr14,wma20,wma50,wma100,sma20,ema20,volratio20");
        assertThat(lines.get(1)).isEqualTo("2023-07-03T09:15:00+05:30,,,,,,,,");
    }

    @Test
    void an_unknown_indicator_is_a_one_line_error_with_exit_2_and_no_output() throws Exception {
        Path data = sample();
        Run r = run("indicators", "--data", data.toString(), "--out", dir.resolve("x.csv").toString(), "--indicators", "rsi14,macd12");
        assertOneLineError(r, "indicators: unknown indicator 'macd12' (known: sma, ema, wma, rsi, atr, std, bb, hh, ll, volratio followed by a period, e.g. rsi14, bb20 or bb20x2.5)");
        assertThat(files()).containsExactly("SAMPLE.csv");
        assertOneLineError(run("indicators", "--data", data.toString(), "--out", "x.csv", "--indicators", "rsi1"),
                "indicators: indicator 'rsi1': period must be 2..100000");
        assertOneLineError(run("indicators", "--data", data.toString(), "--out", "x.csv", "--indicators", "sma5,sma5"),
                "indicators: indicator 'sma5' given twice");
    }

    @Test
    void a_malformed_row_names_file_and_line_and_leaves_no_output() throws Exception {
        Path data = dir.resolve("BAD.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2020-01-01,1,2,1,1,5\n2020-01-02,1,2,1,oops,5\n");
        Path out = dir.resolve("out.csv");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString());
        assertOneLineError(r, "indicators: malformed data: BAD.csv line 3: bad number in column 'close': 'oops'");
        assertThat(files()).containsExactly("BAD.csv");
    }

    @Test
    void an_existing_output_is_kept_when_the_command_fails() throws Exception {
        Path data = dir.resolve("BAD.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2020-01-01,3,2,1,1,5\n");
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "previous");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("previous");
        assertThat(files()).containsExactly("BAD.csv", "out.csv");
    }

    @Test
    void skip_inconsistent_drops_and_reports_bad_bars() throws Exception {
        Path data = dir.resolve("D.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2020-01-01,1,2,1,1,5\n2020-01-02,3,2,1,1,5\n2020-01-03,1,2,1,2,5\n");
        Path out = dir.resolve("out.csv");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString(), "--indicators", "sma2", "--skip-inconsistent");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("skipped D.csv line 3: open 3 is outside [low 1, high 2]");
        assertThat(Files.readAllLines(out)).containsExactly("date,sma2", "2020-01-01,", "2020-01-03,1.5");
    }

    @Test
    void float_artefact_prices_need_an_explicit_rounding_which_is_reported() throws Exception {
        Path data = dir.resolve("F.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2024-05-01,309.3599853515625,310.5,309,309.92999267578125,5\n");
        Path out = dir.resolve("out.csv");
        assertOneLineError(run("indicators", "--data", data.toString(), "--out", out.toString()),
                "indicators: malformed data: F.csv line 2: more than 9 decimals in column 'open': '309.3599853515625'");
        Run r = run("indicators", "--data", data.toString(), "--out", out.toString(), "--indicators", "hh1", "--price-decimals", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("rounded 2 prices of F.csv to 2 decimals" + System.lineSeparator());
        assertThat(Files.readAllLines(out)).containsExactly("date,hh1", "2024-05-01,310.5");
        assertOneLineError(run("indicators", "--data", data.toString(), "--out", out.toString(), "--price-decimals", "12"),
                "indicators: --price-decimals must be a whole number from 0 to 9: 12");
    }

    @Test
    void missing_file_unknown_option_and_missing_required_option_exit_2() throws Exception {
        assertOneLineError(run("indicators", "--data", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o.csv").toString()),
                "indicators: no such file: " + dir.resolve("nope.csv"));
        assertOneLineError(run("indicators", "--data", "a.csv", "--out", "o.csv", "--colour", "red"), "indicators: unknown option --colour for indicators");
        assertOneLineError(run("indicators", "--data", "a.csv"), "indicators: missing required option --out");
        assertOneLineError(run("indicators", "--data"), "indicators: option --data needs a value (FILE.csv)");
        assertOneLineError(run("indicators", "stray"), "indicators: unexpected argument 'stray' (options start with --)");
        assertOneLineError(run("scan"), "scan: missing required option --strategy");
        assertThat(files()).isEmpty();
    }

    @Test
    void backtest_options_are_validated_before_anything_runs() throws Exception {
        Path data = sample();
        String out = dir.resolve("bt").toString();
        String[] ok = {"backtest", "--data", data.toString(), "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30",
                "--quantity", "100", "--cash", "1000000", "--out", out};
        assertOneLineError(run(with(ok, "--strategy", "sma-crosss")), "backtest: unknown strategy 'sma-crosss' (known: sma-cross, 3wi, mean-reversion, orb, trend-pullback, momentum)");
        assertOneLineError(run(with(ok, "--param", "fast=30")), "backtest: sma-cross: slow: must be greater than fast (30)");
        assertOneLineError(run(with(ok, "--param", "slow=5")), "backtest: sma-cross: slow: must be greater than fast (10)");
        assertOneLineError(run(with(ok, "--param", "speed=3")), "backtest: sma-cross: speed: unknown parameter (known: fast, slow)");
        assertOneLineError(run(with(ok, "--param", "fast")), "backtest: --param expects key=value: 'fast'");
        assertOneLineError(run(with(ok, "--param", "fast=x")), "backtest: sma-cross: fast: must be an integer, got 'x'");
        assertOneLineError(run(with(ok, "--quantity", "0")), "backtest: --quantity must be a whole number from 1 to 1000000000: 0");
        assertOneLineError(run(with(ok, "--cash", "lots")), "backtest: --cash: not a number: 'lots'");
        assertOneLineError(run(with(ok, "--fill", "open")), "backtest: --fill must be next-open or close: 'open'");
        assertOneLineError(run(with(ok, "--commission-pct", "-1")), "backtest: --commission-pct must be a number at least 0 and below 100 with at most 6 decimals: -1");
        assertOneLineError(run(with(ok, "--data", dir.resolve("none.csv").toString())), "backtest: no such file: " + dir.resolve("none.csv"));
        assertOneLineError(run("backtest", "--data", data.toString()), "backtest: missing required option --cash");
        assertOneLineError(run(without(ok, "--quantity")), "backtest: missing required option --quantity (the strategy trades a fixed quantity)");
        assertThat(files()).containsExactly("SAMPLE.csv");
    }

    @Test
    void quantity_is_a_whole_number_of_units_within_a_bound_and_cash_and_commission_are_bounded_decimals() throws Exception {
        Path data = sample();
        String[] ok = {"backtest", "--data", data.toString(), "--strategy", "sma-cross", "--quantity", "100", "--cash", "1000000",
                "--out", dir.resolve("bt").toString()};
        String quantity = "backtest: --quantity must be a whole number from 1 to 1000000000: ";
        for (String q : List.of("1.5", "0.999", "1e400", "1000000001", "-3", "1e-400")) {
            assertOneLineError(run(with(ok, "--quantity", q)), quantity + q);
        }
        assertOneLineError(run(with(ok, "--quantity", "Infinity")), "backtest: --quantity: not a number: 'Infinity'");
        assertOneLineError(run(with(ok, "--quantity", "NaN")), "backtest: --quantity: not a number: 'NaN'");
        String cash = "backtest: --cash must be a number above 0 and at most 1000000000000000 with at most 2 decimals: ";
        for (String c : List.of("0", "-1", "1e400", "100.001", "1e-400")) {
            assertOneLineError(run(with(ok, "--cash", c)), cash + c);
        }
        assertOneLineError(run(with(ok, "--commission-pct", "100")),
                "backtest: --commission-pct must be a number at least 0 and below 100 with at most 6 decimals: 100");
        assertOneLineError(run(with(ok, "--commission-pct", "1e400")),
                "backtest: --commission-pct must be a number at least 0 and below 100 with at most 6 decimals: 1e400");
        assertThat(files()).containsExactly("SAMPLE.csv");

        AtomicReference<BacktestRequest> seen = new AtomicReference<>();
        Cli cli = new Cli(List.of(new BacktestCommand((req, out, err) -> {
            seen.set(req);
            return 0;
        })));
        for (String whole : List.of("1e2", "100.00", "100")) {
            assertThat(run(cli, with(ok, "--quantity", whole)).code()).isZero();
            assertThat(seen.get().quantity()).as(whole).isEqualTo(new java.math.BigDecimal("100"));
        }
        assertThat(run(cli, with(with(ok, "--cash", "1000000000000000"), "--commission-pct", "99.999999")).code()).isZero();
    }

    @Test
    void scan_numbers_are_checked_the_same_way() throws Exception {
        Path universe = Files.createDirectory(dir.resolve("universe"));
        Files.copy(Path.of(getClass().getResource("/marketdata/daily_sample.csv").toURI()), universe.resolve("A.csv"));
        String[] ok = {"scan", "--strategy", "3wi", "--data", universe.toString(), "--out", dir.resolve("scan.csv").toString()};
        assertOneLineError(run(with(ok, "--capital", "1e400")),
                "scan: --capital must be a number above 0 and at most 1000000000000000 with at most 2 decimals: 1e400");
        assertOneLineError(run(with(ok, "--risk-percent", "100")),
                "scan: --risk-percent must be a number above 0 and below 100 with at most 6 decimals: 100");
        assertOneLineError(run(with(with(ok, "--risk-percent", "2"), "--max-open-risk-percent", "1")),
                "scan: --max-open-risk-percent (1) must be at least --risk-percent (2)");
        assertThat(files()).containsExactly("universe");
    }

    @Test
    void a_valid_backtest_reaches_the_executor_with_typed_options() throws Exception {
        Path data = sample();
        AtomicReference<BacktestRequest> seen = new AtomicReference<>();
        Cli cli = new Cli(List.of(new BacktestCommand((req, out, err) -> {
            seen.set(req);
            return 0;
        })));
        Run r = run(cli, "backtest", "--data", data.toString(), "--strategy", "sma-cross", "--param", "fast=5", "--param=slow=20",
                "--quantity", "100", "--cash", "1000000", "--commission-pct", "0.1", "--fill", "close", "--close-at-end",
                "--out", dir.resolve("bt").toString());
        assertThat(r.code()).as(r.err()).isZero();
        BacktestRequest q = seen.get();
        assertThat(q.strategy().get("fast")).isEqualTo(5);
        assertThat(q.strategy().get("slow")).isEqualTo(20);
        assertThat(q.quantity()).isEqualByComparingTo("100");
        assertThat(q.cash()).isEqualByComparingTo("1000000");
        assertThat(q.commissionPct()).isEqualByComparingTo("0.1");
        assertThat(q.fill()).isEqualTo(BacktestRequest.Fill.CLOSE);
        assertThat(q.closeAtEnd()).isTrue();
        // defaults
        run(cli, "backtest", "--data", data.toString(), "--strategy", "sma-cross", "--quantity", "1", "--cash", "1", "--out", dir.resolve("bt").toString());
        assertThat(seen.get().strategy().get("fast")).isEqualTo(10);
        assertThat(seen.get().strategy().get("slow")).isEqualTo(30);
        assertThat(seen.get().fill()).isEqualTo(BacktestRequest.Fill.NEXT_OPEN);
        assertThat(seen.get().closeAtEnd()).isFalse();
    }

    @Test
    void atomic_directory_output_leaves_nothing_when_writing_fails() throws Exception {
        Path out = dir.resolve("bt");
        try {
            AtomicOutput.writeDirectory(out, staging -> {
                Files.writeString(staging.resolve("trades.csv"), "x");
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(files()).isEmpty();
        AtomicOutput.writeDirectory(out, staging -> Files.writeString(staging.resolve("trades.csv"), "ok"));
        assertThat(Files.readString(out.resolve("trades.csv"))).isEqualTo("ok");
        assertThat(files()).containsExactly("bt");
    }

    @Test
    void bench_measures_parsing_and_indicators_over_a_folder_skipping_non_bar_files() throws Exception {
        Path bench = Path.of(getClass().getResource("/marketdata/benchdir").toURI());
        Run r = run("bench", "--data", bench.toString(), "--rounds", "1");
        assertThat(r.code()).as(r.err()).isZero();
        // sma-cross either runs (engine present) or is listed as pending
        assertThat(r.out()).contains("skipped _meta.csv: not a bar file", "csv-parse: 20 bars/round", "indicator rsi14:", "indicator atr14:",
                "sma-cross: ", "portfolio: ", "bar-to-order latency: ", "sweep: sma-cross grid fast=5:50:5 x slow=20:200:10 = 174 cells (exact kernel)");
        assertOneLineError(run("bench", "--data", dir.resolve("none").toString()), "bench: --data: no such directory: " + dir.resolve("none"));
    }

    @Test
    void bench_falls_back_to_a_synthetic_data_set() {
        Run r = run("bench", "--synthetic", "--rounds", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("data: synthetic", "csv-parse: 259994 bars/round");
    }

    @Test
    void indicators_over_a_real_nifty_file_start_each_column_after_its_warm_up() throws Exception {
        Path infy = Path.of("..", "shared", "data", "nifty50_daily_2000_2021", "INFY.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(infy),
                "shared data file " + infy.toAbsolutePath().normalize() + " is absent: this test needs the project's ../shared/data checkout");
        Path out = dir.resolve("infy.csv");
        Run r = run("indicators", "--data", infy.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5306 + 1);
        // first defined row per column: rsi14 14, atr14 14, wma20 19, wma50 49, wma100 99, sma20 19, ema20 19, volratio20 19
        int[] first = {14, 14, 19, 49, 99, 19, 19, 19};
        for (int col = 0; col < first.length; col++) {
            assertThat(lines.get(1 + first[col] - 1).split(",", -1)[col + 1]).as("column %d before warm-up", col).isEmpty();
            assertThat(lines.get(1 + first[col]).split(",", -1)[col + 1]).as("column %d after warm-up", col).isNotEmpty();
        }
    }

    @Test
    void an_unknown_command_is_one_line_with_the_synopsis_and_exit_2() {
        assertOneLineError(run("frobnicate"), "unknown command 'frobnicate' (known: indicators, backtest, scan, bench, sweep, walkforward, montecarlo); " + Cli.SYNOPSIS);
        assertOneLineError(run("Backtest"), "unknown command 'Backtest' (known: indicators, backtest, scan, bench, sweep, walkforward, montecarlo); " + Cli.SYNOPSIS);
    }

    @Test
    void help_lists_options_and_exits_0() {
        Run r = run("backtest", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--data FILE.csv", "[--fill next-open|close]", "[--param k=v ...]", "[--close-at-end]");
    }

    /** {@code base} without {@code option} and its value. */
    private static String[] without(String[] base, String option) {
        java.util.List<String> copy = new java.util.ArrayList<>(java.util.List.of(base));
        int i = copy.indexOf(option);
        copy.subList(i, i + 2).clear();
        return copy.toArray(String[]::new);
    }

    private static String[] with(String[] base, String option, String value) {
        String[] copy = base.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i].equals(option) && (!option.equals("--param") || copy[i + 1].startsWith(value.split("=")[0] + "="))) {
                copy[i + 1] = value;
                return copy;
            }
        }
        String[] more = java.util.Arrays.copyOf(base, base.length + 2);
        more[base.length] = option;
        more[base.length + 1] = value;
        return more;
    }
}
