package io.tradepilot.engine.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.tradepilot.engine.cli.CliTest.assertOneLineError;
import static io.tradepilot.engine.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sweep}, {@code walkforward} and {@code montecarlo} on the bundled synthetic fixtures. */
class ResearchCommandsTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void fixtures() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        for (String s : List.of("SYNA", "SYNB")) Files.copy(Path.of(getClass().getResource("/research/" + s + ".csv").toURI()), data.resolve(s + ".csv"));
        Files.writeString(data.resolve("_meta.csv"), "symbol,name\nSYNA,a\n");
    }

    String[] sweep(String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", "--data", data.toString(), "--strategy", "sma-cross", "--grid", "fast=2:20:3",
                "--grid", "slow=10:60:10", "--quantity", "10", "--cash", "100000", "--blocks", "8"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void a_sweep_writes_its_table_heatmap_and_overfitting_flags_and_chunks_add_up_to_it() throws Exception {
        Path out = dir.resolve("sweep");
        CliTest.Run r = run(sweep("--out", out.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sweep: 37 cells", "2 series", "exact sma-cross kernel");
        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertThat(cells).hasSize(38);
        assertThat(cells.getFirst()).startsWith("cell,fast,slow,kernel,trades,pnl_net,fees,sharpe,");
        assertThat(Files.readAllLines(out.resolve("heatmap.csv"))).hasSize(7).first().isEqualTo("slow\\fast,2,5,8,11,14,17,20");
        assertThat(Files.readString(out.resolve("sweep.json"))).contains("\"deflated_sharpe\"", "\"is_oos_gap\"", "\"pbo\"", "\"combinations\": 70");
        // two jobs' chunks give the whole table
        List<String> union = new ArrayList<>();
        for (String range : List.of("0:20", "20:37")) {
            Path part = dir.resolve("part" + range.replace(':', '-'));
            assertThat(run(sweep("--cells", range, "--out", part.toString())).code()).isZero();
            List<String> rows = Files.readAllLines(part.resolve("cells.csv"));
            union.addAll(rows.subList(1, rows.size()));
        }
        assertThat(union).isEqualTo(cells.subList(1, cells.size()));
    }

    @Test
    void bad_sweep_input_is_one_line_and_exit_2_with_nothing_written() throws Exception {
        Path out = dir.resolve("bad");
        assertOneLineError(run(sweep("--out", out.toString(), "--metric", "alpha")),
                "sweep: --metric: unknown metric 'alpha' (known: sharpe, sortino, total_return, cagr, max_drawdown, win_rate, trades, pnl_net, exposure)");
        assertOneLineError(run(sweep("--out", out.toString(), "--grid", "fats=1,2")),
                "sweep: --grid: fats: unknown parameter of sma-cross (known: fast, slow)");
        assertOneLineError(run(sweep("--out", out.toString(), "--cells", "5:99")), "sweep: --cells must be FROM:TO with 0 <= FROM < TO <= 37: 5:99");
        assertOneLineError(run(sweep("--out", out.toString(), "--is-fraction", "1")),
                "sweep: --is-fraction must be a number above 0 and below 1 with at most 6 decimals: 1");
        assertOneLineError(run("sweep", "--data", data.toString(), "--strategy", "sma-cross", "--cash", "1", "--quantity", "1", "--out", out.toString()),
                "sweep: missing required option --grid (at least one swept parameter)");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void walkforward_writes_windows_and_the_stitched_equity() throws Exception {
        Path out = dir.resolve("wf");
        CliTest.Run r = run("walkforward", "--data", data.resolve("SYNA.csv").toString(), "--strategy", "sma-cross", "--grid", "fast=2:20:3",
                "--grid", "slow=10:60:10", "--quantity", "10", "--cash", "100000", "--is-bars", "300", "--oos-bars", "200", "--anchored",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("windows.csv"))).hasSize(6);
        assertThat(Files.readAllLines(out.resolve("oos_equity.csv"))).hasSize(1 + 1200 - 300);
        assertThat(Files.readString(out.resolve("walkforward.json"))).contains("\"walk_forward_efficiency\"", "\"anchored\": true");
        assertOneLineError(run("walkforward", "--data", data.toString(), "--strategy", "sma-cross", "--grid", "fast=2", "--quantity", "1", "--cash", "1",
                "--is-bars", "10", "--oos-bars", "10", "--out", out.toString()), "walkforward: --data must be one bar file, not a folder: " + data);
    }

    @Test
    void montecarlo_of_a_backtests_trades_is_the_same_for_the_same_seed() throws Exception {
        Path bt = dir.resolve("bt");
        assertThat(run("backtest", "--data", data.resolve("SYNA.csv").toString(), "--strategy", "sma-cross", "--param", "fast=5", "--param", "slow=20",
                "--quantity", "10", "--cash", "100000", "--out", bt.toString()).code()).isZero();
        String[] mc = {"montecarlo", "--trades", bt.resolve("trades.csv").toString(), "--cash", "100000", "--runs", "500", "--seed", "3", "--out", ""};
        mc[mc.length - 1] = dir.resolve("mc1").toString();
        CliTest.Run r = run(mc);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("montecarlo reshuffle: 500 runs of", "montecarlo bootstrap: 500 runs of");
        mc[mc.length - 1] = dir.resolve("mc2").toString();
        assertThat(run(mc).code()).isZero();
        assertThat(Files.readString(dir.resolve("mc2/montecarlo.json"))).isEqualTo(Files.readString(dir.resolve("mc1/montecarlo.json")));
        assertThat(Files.readAllLines(dir.resolve("mc1/runs.csv"))).hasSize(1001);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "entry_time,pnl_net\n2020-01-01,5\n2020-01-02,abc\n");
        assertOneLineError(run("montecarlo", "--trades", bad.toString(), "--cash", "100", "--out", dir.resolve("mc3").toString()),
                "montecarlo: --trades: line 3: pnl_net is not a number: 'abc'");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("mc3");
        }
    }
}
