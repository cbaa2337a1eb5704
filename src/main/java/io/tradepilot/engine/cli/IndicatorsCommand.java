package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code indicators --data FILE.csv --out FILE.csv [--indicators LIST] [--zone ZONE] [--skip-inconsistent]
 * [--price-decimals N]}:
 * writes one row per input bar, {@code date} (as in the input: a date, or a date-time with the zone's
 * offset) then one column per indicator in the order given, empty during warm-up or where undefined.
 * Values are the shortest decimal that reads back as the same double (no exponent).
 */
public final class IndicatorsCommand implements Command {

    static final String DEFAULT_ZONE = "Asia/Kolkata";

    @Override
    public String name() {
        return "indicators";
    }

    @Override
    public String summary() {
        return "compute indicators over a bar file into a CSV file";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(
                Option.required("data", "FILE.csv", "bar file: date,open,high,low,close,volume"),
                Option.required("out", "FILE.csv", "output file (written atomically)"),
                Option.optional("indicators", "LIST", "comma-separated, default " + IndicatorSpec.DEFAULT_LIST)));
        options.addAll(DataOptions.options());
        return List.copyOf(options);
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<IndicatorSpec> specs = IndicatorSpec.parseList(args.value("indicators").orElse(IndicatorSpec.DEFAULT_LIST));
        ZoneId zone = zone(args);
        Path data = existingFile(args.path("data"));
        Path target = args.path("out");
        checkOutputFile(target, data);
        BarSeries series = DataOptions.read(data, zone, DataOptions.readOptions(args), err);

        List<String> header = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        header.add("date");
        for (IndicatorSpec spec : specs) {
            header.addAll(spec.columns());
            columns.addAll(spec.compute(series));
        }
        AtomicOutput.writeFile(target, w -> {
            w.write(String.join(",", header));
            w.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < series.size(); i++) {
                line.setLength(0);
                CsvBarWriter.appendTime(series, i, line);
                for (double[] col : columns) {
                    line.append(',');
                    appendValue(line, col[i]);
                }
                line.append('\n');
                w.append(line);
            }
        });
        return Cli.EXIT_OK;
    }

    /** Appends a value as the shortest round-tripping decimal without exponent; nothing for NaN. */
    static void appendValue(StringBuilder sb, double v) {
        if (Double.isNaN(v)) return;
        if (Double.isInfinite(v)) return;
        String s = Double.toString(v);
        if (s.indexOf('E') >= 0) s = new BigDecimal(s).toPlainString();
        sb.append(s);
    }

    static ZoneId zone(ParsedArgs args) throws UsageException {
        String z = args.value("zone").orElse(DEFAULT_ZONE);
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: unknown time zone '" + z + "'");
        }
    }

    static Path existingFile(Path p) throws UsageException {
        if (!Files.exists(p)) throw new UsageException("no such file: " + p);
        if (!Files.isRegularFile(p)) throw new UsageException("not a file: " + p);
        return p;
    }

    static void checkOutputFile(Path target, Path input) throws UsageException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UsageException("--out is a directory: " + target);
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new UsageException("--out: no such directory: " + parent);
        try {
            if (Files.exists(abs) && Files.isSameFile(abs, input)) throw new UsageException("--out would overwrite the input file " + input);
        } catch (IOException e) {
            throw new UsageException("--out: cannot check " + target + ": " + e.getMessage());
        }
    }
}
