package io.tradepilot.engine.bench;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.strategy.SmaCross;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * sma-cross 10/30, 100 shares, through {@link Backtest#run(BarArrays, io.tradepilot.engine.strategy.Strategy, BacktestConfig)}
 * over every daily file of {@code nifty50_daily_2000_2021} (49 files, {@value #BARS} bars, 4,331 round trips),
 * loaded into {@link BarArrays} once in the setup. Score: bars per second (one operation is one bar).
 * The folder is {@code -Dtradepilot.bench.data=DIR}, default {@code ../shared/data/nifty50_daily_2000_2021};
 * the setup refuses to run when it is absent or holds another number of bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SmaCrossBacktestBenchmark {

    static final int BARS = 235_192;

    List<BarArrays> arrays;
    BacktestConfig config;

    @Setup
    public void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("tradepilot.bench.data", "../shared/data/nifty50_daily_2000_2021"));
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        arrays = new ArrayList<>();
        long bars = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                BarSeries s = CsvBarReader.parse(Files.readAllBytes(f), f.getFileName().toString(), CsvBarReader.symbolOf(f), zone);
                arrays.add(new BarArrays(Instrument.nseEquity(s.symbol()), s.startsMillis(), s.scaledOpens(), s.scaledHighs(),
                        s.scaledLows(), s.scaledCloses(), s.volumes(), s.priceScale(), s.zone()));
                bars += s.size();
            }
        }
        if (bars != BARS) throw new IllegalStateException(dir.toAbsolutePath() + " holds " + bars + " bars, this benchmark is calibrated for " + BARS);
        config = BacktestConfig.of(new BigDecimal("1000000000"));
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public void smaCross(Blackhole bh) {
        for (BarArrays a : arrays) bh.consume(Backtest.run(a, new SmaCross(10, 30, Quantity.of(100)), config));
    }
}
