package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.backtest.PortfolioBacktest;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.strategy.SmaCross;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The engine's {@code bench} scenarios: sma-cross throughput (bars per second through {@link Backtest},
 * counted after the data is loaded), portfolio throughput (every series in one account with the risk chain,
 * through {@link PortfolioBacktest}), bar-to-order-accepted latency and the parameter sweep's bar-evaluations
 * ({@link SweepThroughput}).
 */
public final class EngineBenchScenarios {

    private EngineBenchScenarios() {
    }

    public static List<BenchScenario> all() {
        return List.of(new SmaCrossThroughput(), new PortfolioThroughput(), new BarToOrderLatency(), new SweepThroughput());
    }

    /**
     * sma-cross 10/30, 100 shares, over every series; bars per second after the data is loaded. Warm-up is
     * time-based: rounds run untimed for at least the asked warm-up (default 5 s) and until the CPU rate
     * of the last three rounds agrees within 5%, the JIT compiled nothing during them, and no round was
     * 2% faster than the best so far for half the warm-up and 10 rounds (at most twelve times the
     * warm-up), so that C2 has compiled the order/fill path too, which a few rounds do not reach; on a
     * loaded machine the compiler threads wait for a core as well, and a stable rate may still be C1's. Then {@code max(rounds, 10)} timed rounds;
     * median and best, per wall second and per CPU second of this thread.
     */
    static final class SmaCrossThroughput implements BenchScenario {
        @Override
        public String name() {
            return "sma-cross";
        }

        @Override
        public void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out) {
            run(data, rounds, 5_000_000_000L, nanoTime, out);
        }

        @Override
        public void run(List<BarSeries> data, int rounds, long warmUpNanos, LongSupplier nanoTime, PrintStream out) {
            List<BarArrays> arrays = arrays(data);
            BacktestConfig config = BacktestConfig.of(new BigDecimal("1000000000"));
            throughput(name(), arrays, totals -> runRound(arrays, config, totals), rounds, warmUpNanos, nanoTime, out);
        }

        private static void runRound(List<BarArrays> arrays, BacktestConfig config, long[] totals) {
            for (BarArrays a : arrays) {
                var result = Backtest.run(a, new SmaCross(10, 30, Quantity.of(100)), config);
                totals[0] += result.trades().size();
                totals[1] += result.ordersAccepted();
                totals[2] += result.ordersAccepted() - result.workingOrdersAtEnd();
            }
        }
    }

    /** The engine's array form of every series. */
    private static List<BarArrays> arrays(List<BarSeries> data) {
        List<BarArrays> arrays = new ArrayList<>(data.size());
        for (BarSeries s : data) arrays.add(EngineBacktestExecutor.arrays(s));
        return arrays;
    }

    /** One round of a throughput scenario: runs everything once and adds round trips, orders accepted, orders filled to {@code totals}. */
    interface Round {
        void run(long[] totals);
    }

    /**
     * The warm-up and timing of a throughput scenario (see {@link SmaCrossThroughput}), printing three lines that
     * start with {@code name}: what one round does, bars per CPU second, bars per wall second.
     */
    static void throughput(String name, List<BarArrays> data, Round round, int rounds, long warmUpNanos, LongSupplier nanoTime, PrintStream out) {
        int files = data.size();
        long bars = 0;
        for (BarArrays a : data) bars += a.size();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuKnown = threads.isCurrentThreadCpuTimeSupported();
        LongSupplier cpu = cpuKnown ? threads::getCurrentThreadCpuTime : nanoTime;
        long[] totals = new long[3]; // round trips, orders accepted, orders filled

        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean jitKnown = jit != null && jit.isCompilationTimeMonitoringSupported();
        long warmStart = nanoTime.getAsLong();
        int warmRounds = 0;
        double[] recent = new double[3];
        long[] jitAt = new long[3];
        double best = 0;
        long bestAt = warmStart;
        int bestRound = 0;
        while (true) {
            long c0 = cpu.getAsLong();
            round.run(totals);
            double rate = bars * 1e9 / Math.max(1, cpu.getAsLong() - c0);
            recent[warmRounds % 3] = rate;
            jitAt[warmRounds % 3] = jitKnown ? jit.getTotalCompilationTime() : 0;
            warmRounds++;
            long now = nanoTime.getAsLong();
            if (rate > best * 1.02) {
                best = rate;
                bestAt = now;
                bestRound = warmRounds;
            }
            long elapsed = now - warmStart;
            if (elapsed >= 12 * warmUpNanos && warmRounds >= 3) break;
            if (elapsed >= warmUpNanos && warmRounds >= 3) {
                double lo = Math.min(recent[0], Math.min(recent[1], recent[2]));
                double hi = Math.max(recent[0], Math.max(recent[1], recent[2]));
                boolean jitQuiet = jitAt[0] == jitAt[1] && jitAt[1] == jitAt[2];
                boolean noLongerImproving = now - bestAt >= Math.max(warmUpNanos / 2, 1) && warmRounds - bestRound >= 10;
                if (hi <= lo * 1.05 && jitQuiet && noLongerImproving) break;
            }
        }
        double warmSeconds = (nanoTime.getAsLong() - warmStart) / 1e9;

        int timed = Math.max(10, rounds);
        long[] perRound = new long[3];
        java.util.Arrays.fill(totals, 0);
        double[] wall = new double[timed], cpuRates = new double[timed];
        for (int r = 0; r < timed; r++) {
            long c0 = cpu.getAsLong();
            long t0 = nanoTime.getAsLong();
            round.run(totals);
            wall[r] = bars * 1e9 / Math.max(1, nanoTime.getAsLong() - t0);
            cpuRates[r] = bars * 1e9 / Math.max(1, cpu.getAsLong() - c0);
            if (r == 0) System.arraycopy(totals, 0, perRound, 0, 3);
        }
        Arrays.sort(wall);
        Arrays.sort(cpuRates);
        out.printf(Locale.ROOT, "%s: %d files, %d bars/round, %d round trips, %d orders accepted, %d filled per round; "
                        + "warm-up %d rounds in %.1f s, then %d timed rounds%n",
                name, files, bars, perRound[0], perRound[1], perRound[2], warmRounds, warmSeconds, timed);
        out.printf(Locale.ROOT, "%s: per CPU second median %.2f M bars/s, best %.2f M bars/s%s%n",
                name, cpuRates[timed / 2] / 1e6, cpuRates[timed - 1] / 1e6, cpuKnown ? "" : " (CPU time unavailable: wall time)");
        out.printf(Locale.ROOT, "%s: per wall second median %.2f M bars/s, best %.2f M bars/s "
                        + "(on a shared machine wall time includes waiting for a core: the CPU-second figures are the honest ones)%n",
                name, wall[timed / 2] / 1e6, wall[timed - 1] / 1e6);
    }

    /**
     * The portfolio backtest ({@link PortfolioBacktest}) of every series in one account, with the risk chain:
     * sma-cross 10/30, 100 shares, INR 10,000,000, at most 10 open positions, heat cap 50 % of equity, buying power
     * (cash); bars per second over all series after the data is loaded (the merge by time included). Warm-up and
     * timing as {@link SmaCrossThroughput}. A fourth line gives one round's refusals by reason.
     */
    static final class PortfolioThroughput implements BenchScenario {
        @Override
        public String name() {
            return "portfolio";
        }

        @Override
        public void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out) {
            run(data, rounds, 5_000_000_000L, nanoTime, out);
        }

        @Override
        public void run(List<BarSeries> data, int rounds, long warmUpNanos, LongSupplier nanoTime, PrintStream out) {
            List<BarArrays> arrays = arrays(data);
            BacktestConfig config = BacktestConfig.of(new BigDecimal("10000000"))
                    .withRisk(PortfolioLimits.cashAccount(10, new BigDecimal("0.5")).riskChain());
            PortfolioResult[] last = new PortfolioResult[1];
            throughput(name(), arrays, totals -> {
                PortfolioResult r = PortfolioBacktest.run(config, arrays, i -> new SmaCross(10, 30, Quantity.of(100)), PortfolioBacktest.Monitor.NONE);
                totals[0] += r.trades().size();
                totals[1] += r.ordersAccepted();
                totals[2] += r.ordersAccepted() - r.workingOrdersAtEnd();
                last[0] = r;
            }, rounds, warmUpNanos, nanoTime, out);
            out.printf(Locale.ROOT, "portfolio: one account (%s): %d orders refused per round %s, final equity %s%n",
                    PortfolioLimits.cashAccount(10, new BigDecimal("0.5")).describe(), last[0].refusals().size(), last[0].refusalsByReason(),
                    last[0].finalEquity().toPlainString());
        }
    }

    /**
     * Bar in, strategy decision, risk chain, order accepted by the paper broker: the time from just
     * before {@code onBar} to the engine's {@code OrderAccepted} event, for every accepted order
     * (sma-cross 10/30 over every series, next-open fills), into an HdrHistogram.
     */
    static final class BarToOrderLatency implements BenchScenario {
        @Override
        public String name() {
            return "bar-to-order latency";
        }

        @Override
        public void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            BarCursor cursor = new BarCursor();
            long[] barStart = new long[1];
            boolean[] recording = new boolean[1];
            EngineEvents sink = event -> {
                if (recording[0] && event instanceof EngineEvent.OrderAccepted) {
                    histogram.recordValue(Math.max(0, nanoTime.getAsLong() - barStart[0]));
                }
            };
            List<BarArrays> arrays = new ArrayList<>();
            for (BarSeries s : data) arrays.add(EngineBacktestExecutor.arrays(s));
            int warmUp = Math.max(3, rounds);
            for (int r = 0; r < warmUp + rounds; r++) {
                recording[0] = r >= warmUp;
                for (BarArrays a : arrays) {
                    long[] t = a.startMillis(), o = a.open(), h = a.high(), l = a.low(), c = a.close(), v = a.volume();
                    SimulatedClock clock = new SimulatedClock(t.length > 0 ? t[0] : 0, a.zone());
                    EngineConfig config = EngineConfig.simple(new Money(new BigDecimal("1000000000"), a.instrument().currency()))
                            .withMarketZone(a.zone());
                    TradingEngine engine = new TradingEngine(config, clock, OrderIdGenerator.sequential("O"), sink);
                    int slot = engine.register(new SmaCross(10, 30, Quantity.of(100)), a.instrument(), a.priceDecimals());
                    int d = a.priceDecimals();
                    for (int i = 0; i < t.length; i++) {
                        clock.setMillis(t[i]);
                        barStart[0] = nanoTime.getAsLong();
                        engine.onBar(slot, cursor.set(i, t[i], o[i], h[i], l[i], c[i], v[i], d));
                    }
                }
            }
            out.printf(Locale.ROOT, "bar-to-order latency: %d orders, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                    histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                    histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
        }
    }
}
