package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.strategy.threeweek.ScanRow;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideParameters;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideScanner;
import io.tradepilot.engine.strategy.threeweek.TradePlan;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scheduled 3WI scan after the close: the same scan as {@code tradepilot scan --strategy 3wi}
 * ({@link ThreeWeekInsideScanner}) over the configured folder of daily bar files ({@code SYMBOL.csv},
 * files starting with {@code _} ignored, inconsistent bars skipped and logged), sized with the configured
 * capital and risk, counting the engine's open risk when this instance runs it. The result is stored and
 * served by {@code GET /api/v1/scans/latest}. A missing or empty folder fails the run (it was configured).
 */
final class ScanTask implements ScheduledTask {

    static final String NAME = "scan-3wi";
    private static final Logger log = LoggerFactory.getLogger(ScanTask.class);

    private final SchedulerProperties.Scans settings;
    private final TradingQueries trading;
    private final SchedulerStore store;
    private final Clock clock;

    ScanTask(SchedulerProperties.Scans settings, TradingQueries trading, SchedulerStore store, Clock clock) {
        this.settings = settings;
        this.trading = trading;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) throws Exception {
        Path dir = settings.folder();
        if (dir == null) return Result.skipped("no scan folder configured (tradepilot.scheduler.scans.folder)");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("scan folder is not a folder: " + dir);
        ExchangeCalendar calendar = ExchangeCalendar.of(run.exchange());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalStateException("no .csv files in the scan folder " + dir);
        Map<String, BarSeries> universe = new LinkedHashMap<>();
        for (Path f : files) {
            String symbol = CsvBarReader.symbolOf(f);
            var read = CsvBarReader.read(f, symbol, calendar.zone(), CsvBarReader.InconsistentBars.SKIP);
            if (!read.skipped().isEmpty()) log.warn("Scan: skipped {} inconsistent bars in {}", read.skipped().size(), f);
            universe.put(symbol, read.series());
        }
        ThreeWeekInsideParameters params = new ThreeWeekInsideParameters(settings.capital(), settings.riskPercent().movePointLeft(2),
                settings.maxOpenRiskPercent().movePointLeft(2), 4, settings.shorts(), true);
        BigDecimal openRisk = trading.livePortfolio().map(LivePortfolio::openRisk).orElse(BigDecimal.ZERO);
        List<ScanRow> rows = new ThreeWeekInsideScanner(params, calendar).scan(universe, null, openRisk);
        LocalDate asOf = ThreeWeekInsideScanner.latestDate(universe);
        ScanReport saved = store.saveScan(new ScanReport(0, "3wi", calendar.exchange(), asOf, clock.instant(), universe.size(),
                rows.stream().map(ScanTask::row).toList()));
        long breakouts = rows.stream().filter(r -> r.state().startsWith("BREAKOUT")).count();
        return Result.done("scan " + saved.id() + " as of " + asOf + ": " + universe.size() + " symbols, " + breakouts + " breakouts, "
                + (rows.size() - breakouts) + " other setups");
    }

    private static ScanReport.Row row(ScanRow r) {
        TradePlan p = r.plan();
        return new ScanReport.Row(r.setup().symbol(), r.state(), r.weekComplete(), r.setup().motherHigh(), r.setup().motherLow(),
                p == null ? null : p.entry(), p == null ? null : p.stop(), p == null ? null : p.t1(), p == null ? null : p.t2(),
                p == null ? null : p.quantity(), r.tradeable(), r.note());
    }
}
