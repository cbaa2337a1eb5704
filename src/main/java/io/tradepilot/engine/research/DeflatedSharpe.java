package io.tradepilot.engine.research;

/**
 * The probabilistic and deflated Sharpe ratios of Bailey and López de Prado ("The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", 2014). Sharpe ratios here are per
 * period (not annualised), as in the paper's formulas.
 *
 * <pre>
 * PSR(SR*) = Φ( (SR − SR*) √(T − 1) / √(1 − γ3·SR + (γ4 − 1)/4 · SR²) )
 * SR0      = √V · ( (1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)) ),   γ = 0.5772156649 (Euler–Mascheroni)
 * DSR      = PSR(SR0)
 * </pre>
 * with T observations, γ3 skewness and γ4 kurtosis (not excess) of the selected strategy's returns, N
 * independent trials and V the variance of the trials' Sharpe ratios.
 */
public final class DeflatedSharpe {
    /** The Euler–Mascheroni constant. */
    public static final double EULER_GAMMA = 0.5772156649015329;

    private DeflatedSharpe() {}

    /** Probability that the true Sharpe ratio exceeds {@code benchmark}; NaN when undefined (T < 2, a negative variance term). */
    public static double probabilistic(double sharpe, double benchmark, long observations, double skewness, double kurtosis) {
        if (observations < 2 || Double.isNaN(sharpe)) return Double.NaN;
        double v = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(v > 0)) return Double.NaN;
        return Normal.cdf((sharpe - benchmark) * Math.sqrt(observations - 1) / Math.sqrt(v));
    }

    /**
     * The expected maximum Sharpe ratio of {@code trials} independent trials with Sharpe variance {@code variance}
     * when every true Sharpe ratio is 0 (SR0). One trial selects nothing: 0.
     */
    public static double expectedMaximum(double variance, int trials) {
        if (trials < 1) throw new IllegalArgumentException("trials must be at least 1");
        if (trials == 1) return 0;
        return Math.sqrt(variance) * ((1 - EULER_GAMMA) * Normal.inverseCdf(1 - 1.0 / trials)
                + EULER_GAMMA * Normal.inverseCdf(1 - 1.0 / (trials * Math.E)));
    }

    /** DSR: {@link #probabilistic} against {@link #expectedMaximum}. */
    public static double deflated(double sharpe, double trialVariance, int trials, long observations, double skewness, double kurtosis) {
        return probabilistic(sharpe, expectedMaximum(trialVariance, trials), observations, skewness, kurtosis);
    }
}
