package io.tradepilot.engine.research;

/**
 * Moments of a return series: mean, sample standard deviation (n − 1), skewness {@code m3 / m2^1.5} and
 * kurtosis {@code m4 / m2²} (not excess: 3 for a normal distribution) from the central moments {@code mk} (divided
 * by n), and the per-period Sharpe ratio {@code mean / sd} (risk-free rate 0; NaN when sd is 0 or n < 2).
 */
public record ReturnStats(int n, double mean, double sd, double skewness, double kurtosis) {

    public static ReturnStats of(double[] r) {
        return of(r, 0, r.length);
    }

    /** The moments of {@code r[from, to)}. */
    public static ReturnStats of(double[] r, int from, int to) {
        int n = to - from;
        if (n <= 0) return new ReturnStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double sum = 0;
        for (int i = from; i < to; i++) sum += r[i];
        double mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (int i = from; i < to; i++) {
            double d = r[i] - mean, d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new ReturnStats(n, mean, sd, m2 == 0 ? Double.NaN : m3 / Math.pow(m2, 1.5), m2 == 0 ? Double.NaN : m4 / (m2 * m2));
    }

    /** Per-period Sharpe ratio, NaN when undefined. */
    public double sharpe() {
        return n < 2 || !(sd > 0) ? Double.NaN : mean / sd;
    }
}
