package io.tradepilot.engine.indicators;

import java.util.Arrays;

/**
 * Batch forms of the streaming indicators: one output per input, {@code NaN} during warm-up (the first
 * {@code lookback} indices) and wherever the value is undefined. Each is exactly the streaming
 * indicator run over the array, so batch and streaming results are identical by construction.
 */
public final class Indicators {

    /** Bollinger bands as three aligned arrays. */
    public record Bands(double[] lower, double[] middle, double[] upper) {
    }

    private Indicators() {
    }

    public static double[] sma(double[] in, int n) {
        return run(new Sma(n), in);
    }

    public static double[] ema(double[] in, int n) {
        return run(new Ema(n), in);
    }

    public static double[] wma(double[] in, int n) {
        return run(new Wma(n), in);
    }

    public static double[] rsi(double[] in, int n) {
        return run(new Rsi(n), in);
    }

    /** Population standard deviation (TA-Lib STDDEV with nbDev 1). */
    public static double[] stdDev(double[] in, int n) {
        return run(new StdDev(n), in);
    }

    public static double[] highest(double[] in, int n) {
        return run(RollingExtreme.highest(n), in);
    }

    public static double[] lowest(double[] in, int n) {
        return run(RollingExtreme.lowest(n), in);
    }

    public static double[] volumeRatio(double[] volume, int n) {
        return run(new VolumeRatio(n), volume);
    }

    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        if (high.length != low.length || high.length != close.length) throw new IllegalArgumentException("arrays differ in length");
        Atr atr = new Atr(n);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            atr.update(high[i], low[i], close[i]);
            out[i] = atr.ready() ? atr.value() : Double.NaN;
        }
        return out;
    }

    public static Bands bollinger(double[] in, int n, double k) {
        BollingerBands bb = new BollingerBands(n, k);
        double[] lo = new double[in.length], mid = new double[in.length], up = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            bb.update(in[i]);
            if (bb.ready()) {
                lo[i] = bb.lower();
                mid[i] = bb.middle();
                up[i] = bb.upper();
            } else {
                lo[i] = mid[i] = up[i] = Double.NaN;
            }
        }
        return new Bands(lo, mid, up);
    }

    /** Runs a fresh streaming indicator over {@code in}. */
    public static double[] run(ValueIndicator indicator, double[] in) {
        double[] out = new double[in.length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < in.length; i++) {
            indicator.update(in[i]);
            if (indicator.ready()) out[i] = indicator.value();
        }
        return out;
    }
}
