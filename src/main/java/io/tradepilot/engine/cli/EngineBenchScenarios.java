package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
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
 * counted after the data is loaded) and bar-to-order-accepted latency.
 */
public final class EngineBenchScenarios {

    private EngineBenchScenarios() {
    }

    public static List<BenchScenario> all() {
        return List.of(new SmaCrossThroughput(), new BarToOrderLatency());
    }

    /** sma-cross 10/30, 100 shares, over every series; bars per second after the data is loaded. */
    static final class SmaCrossThroughput implements BenchScenario {
        @Override
        public String name() {
            return "sma-cross";
        }

        @Override
        public void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out) {
            List<BarArrays> arrays = new ArrayList<>();
            long bars = 0;
            for (BarSeries s : data) {
                arrays.add(EngineBacktestExecutor.arrays(s));
                bars += s.size();
            }
            BacktestConfig config = BacktestConfig.of(new BigDecimal("1000000000"));
            long trades = 0;
            for (int w = 0; w < Math.max(3, rounds); w++) {
                for (BarArrays a : arrays) trades += Backtest.run(a, new SmaCross(10, 30, Quantity.of(100)), config).trades().size();
            }
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            boolean cpuKnown = threads.isCurrentThreadCpuTimeSupported();
            double[] rates = new double[rounds], cpuRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = cpuKnown ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = nanoTime.getAsLong();
                for (BarArrays a : arrays) trades += Backtest.run(a, new SmaCross(10, 30, Quantity.of(100)), config).trades().size();
                rates[r] = bars * 1e9 / Math.max(1, nanoTime.getAsLong() - t0);
                cpuRates[r] = cpuKnown ? bars * 1e9 / Math.max(1, threads.getCurrentThreadCpuTime() - c0) : Double.NaN;
            }
            Arrays.sort(rates);
            Arrays.sort(cpuRates);
            out.printf(Locale.ROOT, "sma-cross: %d bars/round, median %.2f M bars/s, best %.2f M bars/s, %.2f M bars per CPU second (%d round trips per round)%n",
                    bars, rates[rounds / 2] / 1e6, rates[rounds - 1] / 1e6, cpuRates[rounds / 2] / 1e6,
                    trades / (Math.max(3, rounds) + rounds));
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
