package io.tradepilot.engine.research;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The DSR/PBO maths against values worked out independently (by hand, checked with Python's
 * {@code statistics.NormalDist}, whose cdf is 0.5·erfc(−x/√2) and whose inverse is Wichura's AS241).
 */
class OverfittingMathsTest {

    @Test
    void normal_cdf_and_its_inverse_match_reference_values() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1.0)).isCloseTo(0.8413447460685429, within(1e-14));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301035, within(1e-15));
        assertThat(Normal.inverseCdf(0.975)).isCloseTo(1.9599639845400536, within(1e-12));
        assertThat(Normal.inverseCdf(0.01)).isCloseTo(-2.3263478740408408, within(1e-12));
        assertThat(Normal.inverseCdf(1e-6)).isCloseTo(-4.753424308822899, within(1e-10));
        assertThat(Normal.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void moments_of_a_small_series_match_the_hand_computation() {
        // r = 0.01, -0.02, 0.03, 0, 0.015: mean 0.007; deviations 0.003, -0.027, 0.023, -0.007, 0.008;
        // sum of squares 0.00138 -> sd = sqrt(0.00138 / 4); m2 = 0.000276, m3 = -1.464e-6 / 5, m4 = ...
        ReturnStats s = ReturnStats.of(new double[]{0.01, -0.02, 0.03, 0.0, 0.015});
        assertThat(s.mean()).isCloseTo(0.007, within(1e-15));
        assertThat(s.sd()).isCloseTo(Math.sqrt(0.00138 / 4), within(1e-15));
        assertThat(s.skewness()).isCloseTo(-0.3192842190535617, within(1e-12));
        assertThat(s.kurtosis()).isCloseTo(2.147290485192187, within(1e-12));
        assertThat(s.sharpe()).isCloseTo(0.007 / Math.sqrt(0.00138 / 4), within(1e-12));
        assertThat(ReturnStats.of(new double[]{0.01, 0.01}).sharpe()).isNaN();
    }

    @Test
    void deflated_sharpe_reproduces_the_papers_example() {
        // Bailey & López de Prado (2014), section "numerical example": annualised SR 2.5 from T = 1250 daily
        // returns, N = 100 trials whose annualised Sharpe ratios have variance 0.5, skewness -3, kurtosis 10.
        // Per day: SR = 2.5/sqrt(250) = 0.158114, V = 0.5/250 = 0.002;
        // SR0 = sqrt(0.002) * (0.422784 * 2.326348 + 0.577216 * 2.711924) = 0.1131720; DSR = 0.9004 (the paper's figure).
        double sr = 2.5 / Math.sqrt(250);
        assertThat(DeflatedSharpe.expectedMaximum(0.5 / 250, 100)).isCloseTo(0.11317200186513214, within(1e-10));
        assertThat(DeflatedSharpe.deflated(sr, 0.5 / 250, 100, 1250, -3, 10)).isCloseTo(0.9003968344493904, within(1e-9));
        // one trial deflates nothing: PSR against 0
        assertThat(DeflatedSharpe.deflated(sr, 0.002, 1, 1250, -3, 10)).isEqualTo(DeflatedSharpe.probabilistic(sr, 0, 1250, -3, 10));
        // PSR at its own benchmark is one half
        assertThat(DeflatedSharpe.probabilistic(0.1, 0.1, 500, 0, 3)).isEqualTo(0.5);
    }

    @Test
    void pbo_of_a_small_matrix_matches_the_enumeration_by_hand() {
        // 4 trials x 8 periods, S = 4 blocks of 2 periods: C(4,2) = 6 combinations; the in-sample best's
        // out-of-sample ranks are 3, 3, 2, 2, 1, 2 of 4 -> omega = r/5 -> logits ln(3/2), ln(3/2), ln(2/3), ln(2/3), ln(1/4), ln(2/3)
        double[][] m = {
                {0.01, 0.018, 0.022, 0.031, 0.018, 0.03, -0.028, 0.0},
                {0.031, 0.012, 0.029, -0.023, 0.0, -0.014, 0.005, 0.007},
                {-0.029, -0.016, -0.012, 0.03, 0.02, -0.02, 0.022, -0.021},
                {0.01, -0.022, -0.03, 0.027, -0.016, -0.016, 0.034, 0.027}};
        Cscv.Result r = Cscv.pbo(m, 4);
        assertThat(r.combinations()).isEqualTo(6);
        double up = Math.log(1.5), down = Math.log(2.0 / 3);
        assertThat(r.logits()).containsExactly(new double[]{up, up, down, down, Math.log(0.25), down}, within(1e-12));
        assertThat(r.pbo()).isEqualTo(4.0 / 6);
    }

    @Test
    void a_trial_better_in_every_period_is_never_overfit() {
        double[] a = {0.01, -0.02, 0.015, 0.0, 0.02, -0.01, 0.005, 0.01, -0.005, 0.012};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i] + 0.003;
        Cscv.Result r = Cscv.pbo(new double[][]{a, b}, 10);
        assertThat(r.combinations()).isEqualTo(252);
        assertThat(r.pbo()).isZero();
    }
}
