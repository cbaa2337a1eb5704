package io.tradepilot.engine.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Monte Carlo of a result's trades: each run builds a sequence of the trades' net P&Ls and the equity path it
 * gives (initial cash, then + each P&L in turn), and measures its final equity, maximum drawdown (money, and as
 * a fraction of the running peak) and longest losing streak.
 *
 * <ul>
 *   <li>{@link Method#RESHUFFLE}: a random order of all the trades (Fisher–Yates). The final equity is the same in
 *   every run; the path, drawdown and streaks change.</li>
 *   <li>{@link Method#BOOTSTRAP}: as many trades as the result has, drawn with replacement.</li>
 * </ul>
 *
 * <p>Conventions: the peak starts at the initial cash; drawdown = peak − equity; a losing trade has a net P&L
 * below zero (a zero P&L ends a streak). Percentiles are nearest-rank on the sorted runs (the p-th of n is the
 * {@code ceil(p/100 · n)}-th smallest), so money percentiles are exact amounts of some run. Money is exact: the
 * P&Ls are brought to one scale and summed as integers. Deterministic: the same trades, method, runs and seed give
 * the same result ({@link SplittableRandom}).
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    public enum Method {
        RESHUFFLE, BOOTSTRAP;

        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /** One run's figures. */
    public record Run(BigDecimal finalEquity, BigDecimal maxDrawdown, double maxDrawdownFraction, int longestLosingStreak) {}

    /** Nearest-rank percentiles and extremes of an exact amount. */
    public record Money(BigDecimal min, BigDecimal p5, BigDecimal p50, BigDecimal p95, BigDecimal max) {}

    /** Nearest-rank percentiles and extremes of a statistic. */
    public record Stat(double min, double p5, double p50, double p95, double max) {}

    public record Result(Method method, int runs, long seed, int trades, BigDecimal initialCash, Money finalEquity, Money maxDrawdown,
                         Stat maxDrawdownFraction, Stat longestLosingStreak, List<Run> each) {}

    /** Most runs per call. */
    public static final int MAX_RUNS = 1_000_000;

    /**
     * @throws IllegalArgumentException for no trades, runs outside [1, MAX_RUNS], a non-positive initial cash, or
     *                                  amounts too large for exact integer sums
     */
    public static Result run(List<BigDecimal> pnls, BigDecimal initialCash, Method method, int runs, long seed) {
        if (pnls.isEmpty()) throw new IllegalArgumentException("no trades to simulate");
        if (runs < 1 || runs > MAX_RUNS) throw new IllegalArgumentException("runs must be from 1 to " + MAX_RUNS);
        if (initialCash.signum() <= 0) throw new IllegalArgumentException("initial cash must be positive");
        int scale = Math.max(0, initialCash.stripTrailingZeros().scale());
        for (BigDecimal p : pnls) scale = Math.max(scale, p.stripTrailingZeros().scale());
        int n = pnls.size();
        long[] units = new long[n];
        long cash;
        BigDecimal bound = BigDecimal.valueOf(Long.MAX_VALUE / 4 / (n + 1));
        try {
            cash = scaled(initialCash, scale, bound);
            for (int i = 0; i < n; i++) units[i] = scaled(pnls.get(i), scale, bound);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amounts too large or too precise for an exact simulation");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] seq = new long[n];
        long[] finals = new long[runs], dds = new long[runs];
        double[] fractions = new double[runs], streaks = new double[runs];
        List<Run> each = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            if (method == Method.RESHUFFLE) {
                System.arraycopy(units, 0, seq, 0, n);
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    long t = seq[i];
                    seq[i] = seq[j];
                    seq[j] = t;
                }
            } else {
                for (int i = 0; i < n; i++) seq[i] = units[rnd.nextInt(n)];
            }
            long equity = cash, peak = cash, dd = 0;
            double fraction = 0;
            int streak = 0, longest = 0;
            for (long p : seq) {
                equity += p;
                if (equity > peak) peak = equity;
                long d = peak - equity;
                if (d > dd) dd = d;
                if (peak > 0 && d > 0) fraction = Math.max(fraction, (double) d / peak);
                streak = p < 0 ? streak + 1 : 0;
                longest = Math.max(longest, streak);
            }
            finals[r] = equity;
            dds[r] = dd;
            fractions[r] = fraction;
            streaks[r] = longest;
            each.add(new Run(BigDecimal.valueOf(equity, scale), BigDecimal.valueOf(dd, scale), fraction, longest));
        }
        return new Result(method, runs, seed, n, initialCash, money(finals, scale), money(dds, scale), stat(fractions), stat(streaks), List.copyOf(each));
    }

    private static long scaled(BigDecimal v, int scale, BigDecimal bound) {
        if (v.abs().compareTo(bound.movePointLeft(scale)) > 0) throw new ArithmeticException("too large");
        return v.setScale(scale).unscaledValue().longValueExact();
    }

    /** The index of the nearest-rank {@code p}-th percentile among {@code n} sorted values. */
    static int rank(double p, int n) {
        return Math.max(0, (int) Math.ceil(p / 100 * n) - 1);
    }

    private static Money money(long[] v, int scale) {
        long[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return new Money(BigDecimal.valueOf(s[0], scale), BigDecimal.valueOf(s[rank(5, n)], scale), BigDecimal.valueOf(s[rank(50, n)], scale),
                BigDecimal.valueOf(s[rank(95, n)], scale), BigDecimal.valueOf(s[n - 1], scale));
    }

    private static Stat stat(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return new Stat(s[0], s[rank(5, n)], s[rank(50, n)], s[rank(95, n)], s[n - 1]);
    }
}
