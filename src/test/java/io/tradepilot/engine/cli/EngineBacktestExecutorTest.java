package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarWriter;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest subcommand end to end on the engine (runs once engine-core is merged). */
class EngineBacktestExecutorTest {

    @TempDir
    Path dir;

    final Cli cli = new Cli(List.of(new BacktestCommand(new EngineBacktestExecutor())));

    int run(ByteArrayOutputStream err, String... args) {
        return cli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_backtest_writes_trades_equity_and_metrics() throws Exception {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("SYN", 1000, 3));
        Path data = dir.resolve("SYN.csv");
        Files.write(data, CsvBarWriter.toBytes(s));
        Path out = dir.resolve("bt");
        var err = new ByteArrayOutputStream();
        int code = run(err, "backtest", "--data", data.toString(), "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30",
                "--quantity", "100", "--cash", "1000000", "--commission-pct", "0.1", "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.getFirst()).isEqualTo("entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,pnl_net");
        assertThat(trades.size()).isGreaterThan(5);
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity.getFirst()).isEqualTo("time,cash,equity");
        assertThat(equity).hasSize(1000 + 1);
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"final_cash\"", "\"final_equity\"", "\"open_quantity\"", "\"trades\"");
    }

    @Test
    void cash_only_refuses_entries_the_cash_cannot_pay_for_and_by_default_cash_may_go_negative_as_before() throws Exception {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("SYN", 1000, 3));
        Path data = dir.resolve("SYN.csv");
        Files.write(data, CsvBarWriter.toBytes(s));
        // 100 units of a stock around 1,000 need about 100,000: 10,000 of cash pays for none
        String[] common = {"backtest", "--data", data.toString(), "--strategy", "sma-cross", "--quantity", "100", "--cash", "10000"};
        var err = new ByteArrayOutputStream();
        assertThat(run(err, concat(common, "--out", dir.resolve("borrowing").toString()))).as(err.toString()).isZero();
        assertThat(run(err, concat(common, "--cash-only", "--out", dir.resolve("cash-only").toString()))).as(err.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("borrowing").resolve("trades.csv")).size())
                .as("the default keeps today's trades: the run borrows").isGreaterThan(5);
        assertThat(Files.readAllLines(dir.resolve("cash-only").resolve("trades.csv"))).as("header only: no entry was paid for").hasSize(1);
        assertThat(Files.readString(dir.resolve("cash-only").resolve("metrics.json"))).contains("\"final_cash\": 10000");
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    @Test
    void a_malformed_file_exits_2_and_leaves_no_output_directory() throws Exception {
        Path data = dir.resolve("BAD.csv");
        Files.writeString(data, "date,open,high,low,close,volume\n2020-01-01,1,2,1,1,5\n2020-01-02,3,2,1,1,5\n");
        var err = new ByteArrayOutputStream();
        int code = run(err, "backtest", "--data", data.toString(), "--strategy", "sma-cross", "--quantity", "1", "--cash", "100",
                "--out", dir.resolve("bt").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("backtest: malformed data: BAD.csv line 3: open 3 is outside [low 1, high 2]" + System.lineSeparator());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("BAD.csv");
        }
    }
}
