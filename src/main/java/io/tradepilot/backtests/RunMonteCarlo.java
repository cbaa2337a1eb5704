package io.tradepilot.backtests;

import io.tradepilot.engine.research.MonteCarlo;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Monte Carlo of a finished run's stored trades with the engine's {@link MonteCarlo}: the trades' net P&amp;L (after
 * both legs' fees), every symbol's trades pooled in exit order on one account whose initial cash is the sum of the
 * symbols' initial cash (each symbol of an independent-runs backtest ran with the run's cash). Money is exact; the
 * same run, method, simulations and seed give the same figures.
 *
 * @param simulations runs of the simulation, 1 to {@link #MAX_SIMULATIONS}
 * @param finalEquity nearest-rank percentiles and extremes of the final equity
 * @param maxDrawdown the same for the maximum drawdown in money (peak − equity)
 * @param maxDrawdownFraction the same for the maximum drawdown as a fraction of the running peak
 * @param longestLosingStreak the same for the longest run of trades with a net P&amp;L below zero
 * @param finalEquityHistogram the distribution of the final equity ({@link #BUCKETS} buckets)
 * @param maxDrawdownHistogram the distribution of the maximum drawdown in money
 */
public record RunMonteCarlo(long runId, String method, int simulations, long seed, int trades, BigDecimal initialCash,
                            MonteCarlo.Money finalEquity, MonteCarlo.Money maxDrawdown, MonteCarlo.Stat maxDrawdownFraction,
                            MonteCarlo.Stat longestLosingStreak, Histogram finalEquityHistogram, Histogram maxDrawdownHistogram) {

    /** Most simulations per request. */
    public static final int MAX_SIMULATIONS = 10_000;
    /** Simulations when none are asked for. */
    public static final int DEFAULT_SIMULATIONS = 1_000;
    /** The seed when none is given (shown on the page), so that the default figures are reproducible. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /** Buckets of a histogram. */
    public static final int BUCKETS = 20;

    /**
     * Equal-width buckets from {@code lower} to {@code upper}; {@code counts[i]} runs fell in bucket {@code i} (the
     * last bucket includes {@code upper}); one bucket when every run has the same value.
     */
    public record Histogram(double lower, double upper, List<Integer> counts) {
        public Histogram {
            counts = List.copyOf(counts);
        }

        /** The bucket's lower edge. */
        public double edge(int bucket) {
            return lower + (upper - lower) * bucket / counts.size();
        }
    }

    /**
     * Parses a method name ({@code reshuffle} or {@code bootstrap}, any case; null or blank means reshuffle).
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER} for {@code method}
     */
    public static MonteCarlo.Method method(String name) {
        if (name == null || name.isBlank()) return MonteCarlo.Method.RESHUFFLE;
        try {
            return MonteCarlo.Method.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BacktestRefusal.badParameter("method", "The method must be reshuffle or bootstrap.");
        }
    }

    /**
     * Simulates a DONE run's trades.
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER} for {@code simulations} outside 1 to {@link #MAX_SIMULATIONS},
     *                         422 {@code NO_TRADES} when the run closed no trade
     */
    public static RunMonteCarlo of(RunResult result, MonteCarlo.Method method, int simulations, long seed) {
        if (simulations < 1 || simulations > MAX_SIMULATIONS) {
            throw BacktestRefusal.badParameter("simulations", "Simulations must be from 1 to " + MAX_SIMULATIONS + ".");
        }
        if (result.trades().isEmpty()) {
            throw new BacktestRefusal(422, "NO_TRADES", "id", "Backtest run " + result.run().id() + " closed no trade to simulate.");
        }
        BigDecimal cash = result.symbols().stream().map(SymbolResult::initialCash).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (cash.signum() <= 0) cash = result.run().cash();
        List<BigDecimal> pnls = result.trades().stream().map(BacktestTrade::netPnl).toList();
        MonteCarlo.Result r;
        try {
            r = MonteCarlo.run(pnls, cash, method, simulations, seed);
        } catch (IllegalArgumentException e) {
            throw new BacktestRefusal(422, "NOT_SIMULABLE", "id", e.getMessage());
        }
        double[] finals = r.each().stream().mapToDouble(x -> x.finalEquity().doubleValue()).toArray();
        double[] dds = r.each().stream().mapToDouble(x -> x.maxDrawdown().doubleValue()).toArray();
        return new RunMonteCarlo(result.run().id(), method.key(), simulations, seed, r.trades(), cash, r.finalEquity(), r.maxDrawdown(),
                r.maxDrawdownFraction(), r.longestLosingStreak(), histogram(finals), histogram(dds));
    }

    static Histogram histogram(double[] values) {
        double lo = Arrays.stream(values).min().orElse(0), hi = Arrays.stream(values).max().orElse(0);
        if (!(hi > lo)) return new Histogram(lo, hi, List.of(values.length));
        Integer[] counts = new Integer[BUCKETS];
        Arrays.fill(counts, 0);
        for (double v : values) {
            int b = Math.min(BUCKETS - 1, (int) ((v - lo) / (hi - lo) * BUCKETS));
            counts[b]++;
        }
        return new Histogram(lo, hi, Arrays.asList(counts));
    }
}
