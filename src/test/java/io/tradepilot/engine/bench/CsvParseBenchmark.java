package io.tradepilot.engine.bench;

import io.tradepilot.engine.marketdata.BarDataException;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.CsvBarWriter;
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

import java.time.ZoneId;

/**
 * CSV parsing throughput: operations are bars (score in bars per second). The input is a seeded
 * synthetic daily or 5-minute file of {@value #BARS} bars serialized in memory, so no disk I/O is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsvParseBenchmark {

    static final int BARS = 75 * 70;
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Param({"daily", "intraday"})
    public String kind;

    byte[] file;

    @Setup
    public void setUp() {
        BarSeries s = kind.equals("daily")
                ? SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("B", BARS, 1))
                : SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("B", BARS / 75, 1));
        file = CsvBarWriter.toBytes(s);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public BarSeries parse() throws BarDataException {
        return CsvBarReader.parse(file, "bench.csv", "B", IST);
    }
}
