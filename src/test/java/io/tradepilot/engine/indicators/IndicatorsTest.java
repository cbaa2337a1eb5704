package io.tradepilot.engine.indicators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-checked values for every seeding rule (worked out in the comments), warm-up lengths, and streaming = batch = definition. */
class IndicatorsTest {

    static final double EPS = 1e-9;
    static final double NaN = Double.NaN;

    static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) assertThat(actual[i]).as("index %d", i).isNaN();
            else assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(EPS));
        }
    }

    @Test
    void sma_averages_the_last_n_values_from_index_n_minus_1() {
        // SMA3 of 1,2,3,4,5: (1+2+3)/3=2, (2+3+4)/3=3, (3+4+5)/3=4
        assertSeries(Indicators.sma(new double[]{1, 2, 3, 4, 5}, 3), NaN, NaN, 2, 3, 4);
    }

    @Test
    void ema_is_seeded_with_the_sma_of_the_first_n_values_then_uses_k_2_over_n_plus_1() {
        // EMA3, k = 2/4 = 0.5, of 2,4,6,8,12: seed at index 2 = (2+4+6)/3 = 4;
        // index 3: (8-4)*0.5+4 = 6; index 4: (12-6)*0.5+6 = 9
        assertSeries(Indicators.ema(new double[]{2, 4, 6, 8, 12}, 3), NaN, NaN, 4, 6, 9);
        Ema e = new Ema(3);
        e.update(2);
        e.update(4);
        assertThat(e.ready()).isFalse();
        assertThat(e.value()).isNaN();
        assertThat(e.lookback()).isEqualTo(2);
    }

    @Test
    void wma_uses_linear_weights_with_the_newest_heaviest() {
        // WMA3 of 1,2,3,4,10, divider 6: (1*1+2*2+3*3)/6 = 14/6; (2*1+3*2+4*3)/6 = 20/6; (3*1+4*2+10*3)/6 = 41/6
        assertSeries(Indicators.wma(new double[]{1, 2, 3, 4, 10}, 3), NaN, NaN, 14 / 6.0, 20 / 6.0, 41 / 6.0);
    }

    @Test
    void rsi_is_seeded_with_mean_gain_and_loss_of_the_first_n_changes_then_wilder_smoothed() {
        // RSI3 of 10,11,10,12,13,12: changes +1,-1,+2,+1,-1.
        // index 3: avgGain=(1+0+2)/3=1, avgLoss=(0+1+0)/3=1/3 -> 100*1/(4/3) = 75
        // index 4: gain=(1*2+1)/3=1, loss=(1/3*2+0)/3=2/9 -> 100*1/(11/9) = 900/11
        // index 5: gain=(1*2+0)/3=2/3, loss=(2/9*2+1)/3=13/27 -> 100*(18/27)/(31/27) = 1800/31
        assertSeries(Indicators.rsi(new double[]{10, 11, 10, 12, 13, 12}, 3), NaN, NaN, NaN, 75, 900 / 11.0, 1800 / 31.0);
    }

    @Test
    void rsi14_and_atr14_emit_first_at_index_14_like_ta_lib() {
        double[] c = new double[30];
        for (int i = 0; i < c.length; i++) c[i] = 100 + (i % 3) - (i % 5);
        double[] rsi = Indicators.rsi(c, 14);
        double[] atr = Indicators.atr(c, c, c, 14);
        for (int i = 0; i < 14; i++) {
            assertThat(rsi[i]).isNaN();
            assertThat(atr[i]).isNaN();
        }
        assertThat(rsi[14]).isNotNaN();
        assertThat(atr[14]).isNotNaN();
        assertThat(new Rsi(14).lookback()).isEqualTo(14);
        assertThat(new Atr(14).lookback()).isEqualTo(14);
    }

    @Test
    void rsi_of_a_flat_market_is_zero_as_in_ta_lib() {
        assertSeries(Indicators.rsi(new double[]{5, 5, 5, 5}, 2), NaN, NaN, 0, 0);
        // only gains: 100
        assertSeries(Indicators.rsi(new double[]{1, 2, 3, 4}, 2), NaN, NaN, 100, 100);
    }

    @Test
    void atr_seeds_with_the_mean_of_the_first_n_true_ranges_which_start_at_index_1() {
        // bars (h,l,c): (10,8,9) (11,9,10) (12,10,11) (15,11,14) (20,18,19)
        // TR1 = max(11-9, |11-9|, |9-9|) = 2; TR2 = max(2, |12-10|, |10-10|) = 2; TR3 = max(4, |15-11|, |11-11|) = 4
        // ATR3 at index 3 = (2+2+4)/3 = 8/3
        // TR4 (gap up) = max(2, |20-14|, |18-14|) = 6 -> ATR = (8/3*2 + 6)/3 = 34/9
        double[] h = {10, 11, 12, 15, 20}, l = {8, 9, 10, 11, 18}, c = {9, 10, 11, 14, 19};
        assertSeries(Indicators.atr(h, l, c, 3), NaN, NaN, NaN, 8 / 3.0, 34 / 9.0);
        // ATR1 is the true range itself
        assertSeries(Indicators.atr(h, l, c, 1), NaN, 2, 2, 4, 6);
    }

    @Test
    void stddev_is_the_population_deviation_and_bollinger_bands_use_it_around_the_sma() {
        // window 2,4,6: mean 4, variance (4+0+4)/3 = 8/3
        double sd = Math.sqrt(8 / 3.0);
        assertSeries(Indicators.stdDev(new double[]{2, 4, 6, 8}, 3), NaN, NaN, sd, sd);
        Indicators.Bands b = Indicators.bollinger(new double[]{2, 4, 6, 8}, 3, 2);
        assertSeries(b.middle(), NaN, NaN, 4, 6);
        assertSeries(b.upper(), NaN, NaN, 4 + 2 * sd, 6 + 2 * sd);
        assertSeries(b.lower(), NaN, NaN, 4 - 2 * sd, 6 - 2 * sd);
        // a flat window has zero deviation, never NaN
        assertSeries(Indicators.stdDev(new double[]{3, 3, 3}, 2), NaN, 0, 0);
    }

    @Test
    void highest_and_lowest_cover_the_last_n_values_including_the_current_one() {
        double[] x = {3, 1, 2, 5, 4, 0, 0};
        assertSeries(Indicators.highest(x, 3), NaN, NaN, 3, 5, 5, 5, 4);
        assertSeries(Indicators.lowest(x, 3), NaN, NaN, 1, 1, 2, 0, 0);
    }

    @Test
    void volume_ratio_divides_by_an_average_that_includes_the_current_bar() {
        // VR3: index 2: 300/((100+200+300)/3) = 1.5; index 3: 600/((200+300+600)/3) = 18/11
        assertSeries(Indicators.volumeRatio(new double[]{100, 200, 300, 600}, 3), NaN, NaN, 1.5, 18 / 11.0);
        // an all-zero window is undefined, not zero
        VolumeRatio v = new VolumeRatio(2);
        v.update(0);
        v.update(0);
        assertThat(v.ready()).isTrue();
        assertThat(v.value()).isNaN();
    }

    @Test
    void periods_outside_ta_lib_ranges_are_refused() {
        assertThatThrownBy(() -> new Rsi(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSI period");
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StdDev(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Wma(100_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streaming_values_equal_the_definitions_on_a_long_random_series() {
        SplittableRandom r = new SplittableRandom(17);
        int len = 3000;
        double[] c = new double[len], h = new double[len], l = new double[len], v = new double[len];
        double p = 1000;
        for (int i = 0; i < len; i++) {
            p = Math.max(1, p + r.nextGaussian() * 10);
            c[i] = Math.rint(p * 20) / 20;
            h[i] = c[i] + Math.rint(r.nextDouble() * 100) / 20;
            l[i] = c[i] - Math.rint(r.nextDouble() * 100) / 20;
            v[i] = r.nextInt(1, 100_000);
        }
        int n = 20;
        double[] sma = Indicators.sma(c, n), wma = Indicators.wma(c, n), std = Indicators.stdDev(c, n);
        double[] hh = Indicators.highest(h, n), ll = Indicators.lowest(l, n), vr = Indicators.volumeRatio(v, n);
        for (int i = n - 1; i < len; i++) {
            double s = 0, w = 0, sq = 0, max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY, vs = 0;
            for (int j = 0; j < n; j++) {
                double x = c[i - n + 1 + j];
                s += x;
                w += x * (j + 1);
                max = Math.max(max, h[i - n + 1 + j]);
                min = Math.min(min, l[i - n + 1 + j]);
                vs += v[i - n + 1 + j];
            }
            double mean = s / n;
            for (int j = 0; j < n; j++) sq += (c[i - n + 1 + j] - mean) * (c[i - n + 1 + j] - mean);
            assertThat(sma[i]).isCloseTo(mean, within(1e-7));
            assertThat(wma[i]).isCloseTo(w / (n * (n + 1) / 2.0), within(1e-7));
            assertThat(std[i]).isCloseTo(Math.sqrt(sq / n), within(1e-5));
            assertThat(hh[i]).isEqualTo(max);
            assertThat(ll[i]).isEqualTo(min);
            assertThat(vr[i]).isCloseTo(v[i] / (vs / n), within(1e-9));
        }
        // EMA, RSI, ATR: recursive definitions, computed directly
        double[] ema = Indicators.ema(c, n), rsi = Indicators.rsi(c, 14), atr = Indicators.atr(h, l, c, 14);
        double e = 0;
        for (int i = 0; i < n; i++) e += c[i] / n;
        assertThat(ema[n - 1]).isCloseTo(e, within(1e-7));
        for (int i = n; i < len; i++) {
            e = e + (c[i] - e) * 2.0 / (n + 1);
            assertThat(ema[i]).isCloseTo(e, within(1e-7));
        }
        double g = 0, lo = 0, tr = 0;
        for (int i = 1; i <= 14; i++) {
            double d = c[i] - c[i - 1];
            g += Math.max(d, 0) / 14;
            lo += Math.max(-d, 0) / 14;
            tr += Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1]))) / 14;
        }
        assertThat(rsi[14]).isCloseTo(100 * g / (g + lo), within(1e-7));
        assertThat(atr[14]).isCloseTo(tr, within(1e-7));
        for (int i = 15; i < len; i++) {
            double d = c[i] - c[i - 1];
            g = (g * 13 + Math.max(d, 0)) / 14;
            lo = (lo * 13 + Math.max(-d, 0)) / 14;
            tr = (tr * 13 + Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])))) / 14;
            assertThat(rsi[i]).isCloseTo(100 * g / (g + lo), within(1e-7));
            assertThat(atr[i]).isCloseTo(tr, within(1e-7));
        }
    }

    @Test
    void streaming_equals_batch_and_reset_restarts_the_warm_up() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) x[i] = 50 + Math.sin(i / 5.0) * 10;
        ValueIndicator[] all = {new Sma(10), new Ema(10), new Wma(10), new Rsi(10), new StdDev(10), new BollingerBands(10, 2),
                RollingExtreme.highest(10), RollingExtreme.lowest(10), new VolumeRatio(10)};
        for (ValueIndicator ind : all) {
            double[] batch = Indicators.run(ind, x);
            ind.reset();
            for (int i = 0; i < x.length; i++) {
                ind.update(x[i]);
                assertThat(ind.ready()).as(ind.getClass().getSimpleName() + " ready at %d", i).isEqualTo(i >= ind.lookback());
                if (ind.ready()) assertThat(ind.value()).isEqualTo(batch[i]);
                else assertThat(ind.value()).isNaN();
            }
        }
    }
}
