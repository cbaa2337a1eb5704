package io.tradepilot.engine.research;

/**
 * Combinatorially symmetric cross-validation and the probability of backtest overfitting (PBO) of Bailey,
 * Borwein, López de Prado and Zhu ("The Probability of Backtest Overfitting", 2015).
 *
 * <p>Method. The T × N matrix of per-period returns (N trials = sweep cells) is cut along time into S
 * contiguous blocks (block b holds rows {@code [b·T/S, (b+1)·T/S)}, integer division). For each of the
 * C(S, S/2) ways to choose S/2 blocks as in-sample (the rest out-of-sample): n* = the trial with the highest
 * in-sample Sharpe ratio (mean / sample sd; undefined counts lowest; ties to the lower index); its
 * out-of-sample rank r = 1 + the number of trials with a strictly lower out-of-sample Sharpe (undefined
 * lowest); ω = r / (N + 1); logit λ = ln(ω / (1 − ω)). PBO = the fraction of combinations with λ ≤ 0 (the
 * in-sample best is at or below the out-of-sample median).
 */
public final class Cscv {
    private Cscv() {}

    /** @param logits λ per combination, in the order of the combinations (lexicographic in the chosen blocks) */
    public record Result(double pbo, int combinations, int trials, int blocks, double[] logits) {}

    /**
     * @param returns per trial, its per-period returns (all of the same length T ≥ blocks)
     * @param blocks  S: even, from 2 to 20
     */
    public static Result pbo(double[][] returns, int blocks) {
        int n = returns.length;
        if (n < 2) throw new IllegalArgumentException("PBO needs at least two trials");
        if (blocks < 2 || blocks > 20 || blocks % 2 != 0) throw new IllegalArgumentException("blocks must be even, from 2 to 20: " + blocks);
        int t = returns[0].length;
        for (double[] r : returns) if (r.length != t) throw new IllegalArgumentException("trials of different lengths");
        if (t < blocks) throw new IllegalArgumentException("fewer observations (" + t + ") than blocks (" + blocks + ")");
        // per block and trial: count, sum, sum of squares
        double[][] sum = new double[blocks][n], sq = new double[blocks][n];
        int[] count = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) b * t / blocks), to = (int) ((long) (b + 1) * t / blocks);
            count[b] = to - from;
            for (int k = 0; k < n; k++) {
                double s = 0, q = 0;
                for (int i = from; i < to; i++) {
                    s += returns[k][i];
                    q += returns[k][i] * returns[k][i];
                }
                sum[b][k] = s;
                sq[b][k] = q;
            }
        }
        int half = blocks / 2;
        int combinations = (int) binomial(blocks, half);
        double[] logits = new double[combinations];
        int overfit = 0;
        int[] chosen = new int[half];
        for (int i = 0; i < half; i++) chosen[i] = i;
        boolean[] in = new boolean[blocks];
        double[] isSharpe = new double[n], oosSharpe = new double[n];
        for (int c = 0; c < combinations; c++) {
            java.util.Arrays.fill(in, false);
            for (int b : chosen) in[b] = true;
            for (int k = 0; k < n; k++) {
                double si = 0, qi = 0, so = 0, qo = 0;
                int ni = 0, no = 0;
                for (int b = 0; b < blocks; b++) {
                    if (in[b]) { si += sum[b][k]; qi += sq[b][k]; ni += count[b]; }
                    else { so += sum[b][k]; qo += sq[b][k]; no += count[b]; }
                }
                isSharpe[k] = sharpe(si, qi, ni);
                oosSharpe[k] = sharpe(so, qo, no);
            }
            int best = -1;
            for (int k = 0; k < n; k++) {
                if (!Double.isNaN(isSharpe[k]) && (best < 0 || isSharpe[k] > isSharpe[best])) best = k;
            }
            if (best < 0) best = 0;
            double bestOos = oosSharpe[best];
            int rank = 1;
            for (int k = 0; k < n; k++) {
                if (k == best) continue;
                double o = oosSharpe[k];
                if (!Double.isNaN(bestOos) && (Double.isNaN(o) || o < bestOos)) rank++;
            }
            double omega = rank / (n + 1.0);
            logits[c] = Math.log(omega / (1 - omega));
            if (logits[c] <= 0) overfit++;
            next(chosen, blocks);
        }
        return new Result((double) overfit / combinations, combinations, n, blocks, logits);
    }

    private static double sharpe(double sum, double sq, int n) {
        if (n < 2) return Double.NaN;
        double mean = sum / n;
        double var = (sq - n * mean * mean) / (n - 1);
        return var > 1e-30 ? mean / Math.sqrt(var) : Double.NaN;
    }

    /** Advances to the next combination in lexicographic order (no-op after the last). */
    private static void next(int[] c, int n) {
        int k = c.length - 1;
        while (k >= 0 && c[k] == n - c.length + k) k--;
        if (k < 0) return;
        c[k]++;
        for (int j = k + 1; j < c.length; j++) c[j] = c[j - 1] + 1;
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }
}
