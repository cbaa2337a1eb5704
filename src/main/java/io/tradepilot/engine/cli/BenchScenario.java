package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.BarSeries;

import java.io.PrintStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A throughput or latency scenario of the {@code bench} command, run after the built-in CSV and
 * indicator scenarios over the same loaded series. The engine adds {@code sma-cross} throughput and
 * bar-to-order latency (HdrHistogram) scenarios through this seam.
 */
public interface BenchScenario {

    String name();

    /**
     * Runs the scenario single-threaded and prints one or more result lines, each starting with
     * {@link #name()}. {@code nanoTime} is the monotonic clock to measure with; {@code rounds} is how
     * many timed repetitions to make after warming up.
     */
    void run(List<BarSeries> data, int rounds, LongSupplier nanoTime, PrintStream out);

    /**
     * As {@link #run(List, int, LongSupplier, PrintStream)}, with the minimum untimed warm-up the
     * user asked for ({@code bench --warm-up}); scenarios that warm up by time use it.
     */
    default void run(List<BarSeries> data, int rounds, long warmUpNanos, LongSupplier nanoTime, PrintStream out) {
        run(data, rounds, nanoTime, out);
    }
}
