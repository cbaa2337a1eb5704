package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the default 3WI strategy (filters on, long only, seed tracker) over every file of
 * ../shared/data/nifty50_daily_2000_2021 and records setups, trades, win rate, average R and runtime in
 * target/3wi-nifty50.txt (numbers are recorded, not asserted; runtime is measured, never asserted).
 * Skips, saying why, when the folder is absent.
 */
class ThreeWeekInsideNifty50Test {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void the_default_strategy_runs_over_the_nifty50_history_deterministically_and_records_its_numbers() throws IOException {
        Path dir = Path.of(System.getProperty("tradepilot.shared.data", "../shared/data"), "nifty50_daily_2000_2021");
        assumeTrue(Files.isDirectory(dir), "shared data folder " + dir.toAbsolutePath().normalize() + " is absent");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        int setups = 0, breakouts = 0, entries = 0, trades = 0, wins = 0, bars = 0;
        BigDecimal sumR = BigDecimal.ZERO, net = BigDecimal.ZERO;
        Map<String, Integer> skips = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (Path f : files) {
            String symbol = CsvBarReader.symbolOf(f);
            BarSeries series = CsvBarReader.read(f, symbol, IST, CsvBarReader.InconsistentBars.SKIP).series();
            bars += series.size();
            BarArrays data = new BarArrays(Instrument.nseEquity(symbol), series.startsMillis(), series.scaledOpens(), series.scaledHighs(),
                    series.scaledLows(), series.scaledCloses(), series.volumes(), series.priceScale(), IST);
            ThreeWeekInsideStrategy s = new ThreeWeekInsideStrategy();
            BacktestResult r = Backtest.run(data, s, BacktestConfig.of(new BigDecimal("400000")).withCloseAtEnd(true));
            setups += s.setups().size();
            for (var e : s.entries()) {
                breakouts++;
                if (e.skipped() == null) entries++;
                else skips.merge(e.skipped().replaceAll(":.*", ""), 1, Integer::sum);
            }
            Map<Instant, BigDecimal[]> byEntry = new LinkedHashMap<>();
            for (RoundTrip rt : r.trades()) {
                BigDecimal[] a = byEntry.computeIfAbsent(rt.entryTime(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                a[0] = a[0].add(rt.netPnl());
                a[1] = a[1].add(rt.initialRisk() == null ? BigDecimal.ZERO : rt.initialRisk());
            }
            for (BigDecimal[] a : byEntry.values()) {
                trades++;
                net = net.add(a[0]);
                if (a[0].signum() > 0) wins++;
                if (a[1].signum() > 0) sumR = sumR.add(a[0].divide(a[1], MathContext.DECIMAL64));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String report = String.format(java.util.Locale.ROOT,
                "3WI over %s: %d files, %d daily bars%nsetups found: %d%nbreakouts considered: %d (entered %d; skipped %s)%n"
                        + "trades: %d, wins: %d, win rate: %.1f %%, average R: %s, net P&L (sum of per-symbol runs): %s%nruntime: %.2f s%n",
                dir.getFileName(), files.size(), bars, setups, breakouts, entries, skips, trades, wins,
                trades == 0 ? 0.0 : 100.0 * wins / trades, trades == 0 ? "n/a" : sumR.divide(BigDecimal.valueOf(trades), new MathContext(3)).toPlainString(),
                net.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), seconds);
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "3wi-nifty50.txt"), report);
        assertTrue(setups > 0, "the history holds 3WI patterns");
        assertEquals(entries, trades, "every entry became exactly one trade (closed at the end if still open)");
    }
}
