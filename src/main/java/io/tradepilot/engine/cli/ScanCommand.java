package io.tradepilot.engine.cli;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.strategy.threeweek.ScanReportWriter;
import io.tradepilot.engine.strategy.threeweek.ScanRow;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideParameters;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideScanner;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code scan --strategy 3wi --data DIR [--as-of DATE] --out FILE.csv|FILE.json [--capital N]
 * [--risk-percent P] [--max-open-risk-percent P] [--shorts] [--zone ZONE] [--skip-inconsistent]
 * [--price-decimals N]}: lists the universe's current 3WI setups (see {@link ThreeWeekInsideScanner}).
 *
 * <p>Every {@code *.csv} in DIR is one symbol (file name without extension); files whose name starts
 * with {@code _} (metadata) are ignored. Bad input (no such directory, no data file, a malformed file, a
 * bad date or extension) is refused before anything is written; the output is written atomically.
 */
public final class ScanCommand implements Command {

    /** {@code --risk-percent}: above 0 and below 100 percent of capital per trade. */
    static final NumberRange RISK_PERCENT = new NumberRange(BigDecimal.ZERO, false, BigDecimal.valueOf(100), false, 6);
    /** {@code --max-open-risk-percent}: above 0, at most 100 percent, and at least {@code --risk-percent}. */
    static final NumberRange MAX_OPEN_RISK_PERCENT = new NumberRange(BigDecimal.ZERO, false, BigDecimal.valueOf(100), true, 6);

    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String summary() {
        return "list current setups (3WI) over a folder of daily bar files";
    }

    @Override
    public List<Option> options() {
        List<Option> o = new ArrayList<>(List.of(
                Option.required("strategy", "NAME", "scanner to run: 3wi"),
                Option.required("data", "DIR", "folder of daily bar files SYMBOL.csv"),
                Option.required("out", "FILE.csv|FILE.json", "output file, format by extension (written atomically)"),
                Option.optional("as-of", "YYYY-MM-DD", "scan date (default: the latest date in the data)"),
                Option.optional("capital", "AMOUNT", "sizing capital, default 400000"),
                Option.optional("risk-percent", "P", "risk per trade in percent, default 1.5"),
                Option.optional("max-open-risk-percent", "P", "total open risk cap in percent, default 6"),
                Option.flag("shorts", "size down breakouts as shorts")));
        o.addAll(DataOptions.options());
        return List.copyOf(o);
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        String strategy = args.required("strategy");
        if (!strategy.equals("3wi")) throw new UsageException("--strategy: no scanner for '" + strategy + "' (known: 3wi)");
        Path dir = args.path("data");
        if (!Files.isDirectory(dir)) throw new UsageException("--data: no such directory: " + dir);
        Path target = args.path("out");
        String ext = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = ext.endsWith(".json");
        if (!json && !ext.endsWith(".csv")) throw new UsageException("--out: the file name must end in .csv or .json: " + target);
        if (Files.isDirectory(target.toAbsolutePath())) throw new UsageException("--out is a directory: " + target);
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new UsageException("--out: no such directory: " + parent);
        LocalDate asOf = null;
        if (args.has("as-of")) {
            try {
                asOf = LocalDate.parse(args.required("as-of"));
            } catch (DateTimeParseException e) {
                throw new UsageException("--as-of: not a date (YYYY-MM-DD): " + args.required("as-of"));
            }
        }
        BigDecimal capital = args.number("capital", "400000", BacktestCommand.CASH);
        BigDecimal risk = args.number("risk-percent", "1.5", RISK_PERCENT);
        BigDecimal maxOpen = args.number("max-open-risk-percent", "6", MAX_OPEN_RISK_PERCENT);
        if (maxOpen.compareTo(risk) < 0) {
            throw new UsageException("--max-open-risk-percent (" + maxOpen.toPlainString() + ") must be at least --risk-percent ("
                    + risk.toPlainString() + ")");
        }
        ThreeWeekInsideParameters params;
        try {
            params = new ThreeWeekInsideParameters(capital, risk.movePointLeft(2), maxOpen.movePointLeft(2), 4, args.has("shorts"), true);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ZoneId zone = IndicatorsCommand.zone(args);
        CsvBarReader.Options read = DataOptions.readOptions(args);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .filter(p -> !p.toAbsolutePath().equals(target.toAbsolutePath()))
                    .sorted().toList();
        }
        if (files.isEmpty()) throw new UsageException("--data: no .csv files in " + dir);
        Map<String, BarSeries> universe = new LinkedHashMap<>();
        for (Path f : files) universe.put(CsvBarReader.symbolOf(f), DataOptions.read(f, zone, read, err));
        ExchangeCalendar calendar = zone.equals(ZoneId.of("America/New_York")) ? ExchangeCalendar.nyse() : ExchangeCalendar.nse();
        List<ScanRow> rows = new ThreeWeekInsideScanner(params, calendar).scan(universe, asOf, BigDecimal.ZERO);
        LocalDate shown = asOf != null ? asOf : ThreeWeekInsideScanner.latestDate(universe);
        AtomicOutput.writeFile(target, w -> {
            if (json) ScanReportWriter.json(rows, shown, w);
            else ScanReportWriter.csv(rows, w);
        });
        long breakouts = rows.stream().filter(r -> r.state().startsWith("BREAKOUT")).count();
        long near = rows.stream().filter(r -> r.state().equals("NEAR_BREAKOUT")).count();
        out.println("scanned " + universe.size() + " symbols: " + breakouts + " breakouts, " + near + " near breakouts, "
                + (rows.size() - breakouts - near) + " active setups -> " + target);
        return Cli.EXIT_OK;
    }
}
