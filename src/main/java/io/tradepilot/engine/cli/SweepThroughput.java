package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.Sweep;
import io.tradepilot.engine.research.SweepChunk;
import io.tradepilot.engine.research.SweepSpec;
import io.tradepilot.engine.strategy.SmaCross;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code bench}'s sweep scenario: the sma-cross grid fast 5..50 step 5 × slow 20..200 step 10 (cells with slow >
 * fast) over every series, on every core, through {@link Sweep} (the exact kernel: its results equal the
 * engine's). Bar-evaluations = bars × cells per round. Reports per wall second (what the machine delivered,
 * waiting for cores included) and per CPU second of the process (all threads; × cores is what the cores would
 * deliver unshared).
 */
final class SweepThroughput implements BenchScenario {
    static final String GRID_FAST = "fast=5:50:5";
    static final String GRID_SLOW = "slow=20:200:10";

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out) {
        run(data, rounds, 5_000_000_000L, nanoTime, out);
    }

    @Override
    public void run(List<BarSeries> data, int rounds, long warmUpNanos, LongSupplier nanoTime, PrintStream out) {
        List<BarArrays> arrays = new ArrayList<>();
        long bars = 0;
        for (BarSeries s : data) {
            arrays.add(EngineBacktestExecutor.arrays(s));
            bars += s.size();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ParameterSpace space = ParameterSpace.grid(SmaCross.NAME, List.of(ParameterAxis.parse(GRID_FAST), ParameterAxis.parse(GRID_SLOW)));
        Sweep sweep = new Sweep(new SweepSpec(space, Quantity.of(100), BacktestConfig.of(new BigDecimal("1000000000"))), arrays, cores);
        long evaluations = bars * space.size();
        LongSupplier cpu = () -> ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        long warmStart = nanoTime.getAsLong();
        int warmRounds = 0;
        long[] check = new long[1];
        while (warmRounds < 1 || nanoTime.getAsLong() - warmStart < warmUpNanos) {
            round(sweep, space.size(), check);
            warmRounds++;
        }
        int timed = Math.max(1, rounds);
        double[] wall = new double[timed], perCpu = new double[timed];
        long trades = 0;
        for (int r = 0; r < timed; r++) {
            check[0] = 0;
            long c0 = cpu.getAsLong();
            long t0 = nanoTime.getAsLong();
            round(sweep, space.size(), check);
            wall[r] = evaluations * 1e9 / Math.max(1, nanoTime.getAsLong() - t0);
            long dc = cpu.getAsLong() - c0;
            perCpu[r] = c0 < 0 || dc <= 0 ? Double.NaN : evaluations * 1e9 / dc;
            trades = check[0];
        }
        Arrays.sort(wall);
        Arrays.sort(perCpu);
        out.printf(Locale.ROOT, "sweep: sma-cross grid %s x %s = %d cells (%s), %d files, %d bars, %d M bar-evaluations/round, %d round trips, "
                        + "%d threads on %d cores; warm-up %d rounds, then %d timed rounds%n",
                GRID_FAST, GRID_SLOW, space.size(), sweep.usesKernel() ? "exact kernel" : "engine per cell", arrays.size(), bars,
                evaluations / 1_000_000, trades, cores, cores, warmRounds, timed);
        out.printf(Locale.ROOT, "sweep: per wall second median %.1f M bar-evaluations/s, best %.1f M%n", wall[timed / 2] / 1e6, wall[timed - 1] / 1e6);
        out.printf(Locale.ROOT, "sweep: per CPU second (all threads) median %.1f M bar-evaluations/s, x %d cores = %.1f M/s unshared%n",
                perCpu[timed / 2] / 1e6, cores, perCpu[timed / 2] * cores / 1e6);
    }

    private static void round(Sweep sweep, int cells, long[] check) {
        SweepChunk chunk = sweep.runChunk(0, cells);
        for (var c : chunk.cells()) for (var s : c.series()) check[0] += s.trades();
    }
}
