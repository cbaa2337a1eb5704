package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The 3WI jobs' universe: the scan folder's daily bar files, and the scanner's parameters from the settings. */
final class ScanUniverse {

    private static final Logger log = LoggerFactory.getLogger(ScanUniverse.class);

    private ScanUniverse() {
    }

    /**
     * Every {@code SYMBOL.csv} of {@code dir} (names starting with {@code _} are metadata, skipped), in symbol order,
     * inconsistent bars skipped and logged.
     *
     * @throws IllegalStateException {@code dir} is not a folder or holds no CSV file (it was configured: the run fails)
     */
    static Map<String, BarSeries> read(Path dir, ExchangeCalendar calendar) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalStateException("scan folder is not a folder: " + dir);
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
        return universe;
    }

    /** The scanner's parameters: capital, risk and open-risk cap (percent in the settings), 4 weeks active, filters on. */
    static ThreeWeekInsideParameters parameters(SchedulerProperties.Scans settings) {
        return new ThreeWeekInsideParameters(settings.capital(), settings.riskPercent().movePointLeft(2),
                settings.maxOpenRiskPercent().movePointLeft(2), 4, settings.shorts(), true);
    }
}
