package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.DataIssue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The options every data-reading command shares, and reading a bar file with them: {@code --zone},
 * {@code --skip-inconsistent} (drop bars whose open/close lies outside [low, high], one stderr line
 * each) and {@code --price-decimals N} (round prices with more decimals, half-even, and say how many).
 * Without them a file is read strictly (see {@link CsvBarReader}).
 */
public final class DataOptions {

    private DataOptions() {
    }

    public static List<Option> options() {
        return List.of(
                Option.optional("zone", "ZONE", "exchange time zone of the data, default " + IndicatorsCommand.DEFAULT_ZONE),
                Option.flag("skip-inconsistent", "drop bars whose open/close lies outside [low, high], reporting each"),
                Option.optional("price-decimals", "N", "round prices with more than N decimals half-even to N, reporting the count"));
    }

    /** The reader options given on the command line. */
    public static CsvBarReader.Options readOptions(ParsedArgs args) throws UsageException {
        CsvBarReader.Options o = CsvBarReader.Options.STRICT;
        if (args.has("skip-inconsistent")) o = o.skippingInconsistentBars();
        if (args.has("price-decimals")) o = o.roundingTo(args.integer("price-decimals", -1, 0, BarSeries.MAX_SCALE));
        return o;
    }

    /** Reads {@code data}, reporting skipped bars and rounded prices on {@code err}. */
    public static BarSeries read(Path data, ZoneId zone, CsvBarReader.Options options, PrintStream err) throws IOException {
        CsvBarReader.Result r = CsvBarReader.read(data, CsvBarReader.symbolOf(data), zone, options);
        for (DataIssue issue : r.skipped()) err.println("skipped " + issue);
        if (r.roundedPrices() > 0) {
            err.println("rounded " + r.roundedPrices() + " prices of " + data.getFileName() + " to " + options.roundToDecimals() + " decimals");
        }
        return r.series();
    }
}
