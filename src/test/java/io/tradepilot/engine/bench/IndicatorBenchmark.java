package io.tradepilot.engine.bench;

import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.indicators.Ema;
import io.tradepilot.engine.indicators.RollingExtreme;
import io.tradepilot.engine.indicators.Rsi;
import io.tradepilot.engine.indicators.Sma;
import io.tradepilot.engine.indicators.StdDev;
import io.tradepilot.engine.indicators.ValueIndicator;
import io.tradepilot.engine.indicators.Wma;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Streaming indicator throughput over one synthetic daily series; operations are bars. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndicatorBenchmark {

    static final int BARS = 5306;

    @Param({"sma20", "ema20", "wma100", "rsi14", "std20", "hh20", "atr14"})
    public String indicator;

    double[] close, high, low;

    @Setup
    public void setUp() {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("B", BARS, 1));
        close = s.closes();
        high = s.highs();
        low = s.lows();
    }

    private ValueIndicator create() {
        return switch (indicator) {
            case "sma20" -> new Sma(20);
            case "ema20" -> new Ema(20);
            case "wma100" -> new Wma(100);
            case "rsi14" -> new Rsi(14);
            case "std20" -> new StdDev(20);
            case "hh20" -> RollingExtreme.highest(20);
            default -> throw new IllegalArgumentException(indicator);
        };
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double streaming() {
        if (indicator.equals("atr14")) return atr14();
        ValueIndicator ind = create();
        double sum = 0;
        for (double x : close) {
            ind.update(x);
            if (ind.ready()) sum += ind.value();
        }
        return sum;
    }

    private double atr14() {
        Atr atr = new Atr(14);
        double sum = 0;
        for (int i = 0; i < close.length; i++) {
            atr.update(high[i], low[i], close[i]);
            if (atr.ready()) sum += atr.value();
        }
        return sum;
    }
}
