package io.tradepilot.engine.cli;

import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.indicators.Ema;
import io.tradepilot.engine.indicators.Rsi;
import io.tradepilot.engine.indicators.Sma;
import io.tradepilot.engine.indicators.ValueIndicator;
import io.tradepilot.engine.indicators.VolumeRatio;
import io.tradepilot.engine.indicators.Wma;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.CsvBarWriter;
import io.tradepilot.engine.marketdata.SyntheticMarket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code bench [--data DIR] [--rounds N] [--warm-up SECONDS] [--synthetic]}: single-threaded throughput of CSV parsing (bars
 * per second over every bar file in DIR, parsed from bytes already in memory) and of each default
 * indicator (streaming, bars per second), then of every registered {@link BenchScenario}.
 *
 * <p>Data: {@code --data DIR}; else {@code ../shared/data/nifty50_daily_2000_2021} relative to the
 * working directory or to the jar's directory (or its parent) when present; else (or with
 * {@code --synthetic}) 49 seeded synthetic daily series of 5,306 bars each, generated in memory. Files
 * in DIR whose first line is not the bar header (e.g. {@code _stock_metadata.csv}) are skipped and
 * listed. Numbers are measurements, not assertions; JMH benchmarks under {@code src/test/java/.../bench}
 * give the careful version.
 */
public final class BenchCommand implements Command {

    static final String DEFAULT_DATA = "../shared/data/nifty50_daily_2000_2021";

    private final List<BenchScenario> scenarios;
    private final LongSupplier nanoTime;
    private final LongSupplier cpuTime;
    private final List<String> pending;

    /**
     * @param scenarios extra scenarios run after the built-in ones
     * @param pending   names of scenarios this build cannot run yet (printed as such)
     * @param nanoTime  monotonic wall clock
     * @param cpuTime   CPU time of the current thread in nanoseconds: on a shared machine, bars per CPU
     *                  second are steadier than bars per wall second
     */
    public BenchCommand(List<BenchScenario> scenarios, List<String> pending, LongSupplier nanoTime, LongSupplier cpuTime) {
        this.scenarios = List.copyOf(scenarios);
        this.pending = List.copyOf(pending);
        this.nanoTime = nanoTime;
        this.cpuTime = cpuTime;
    }

    /** Wall and CPU time of the current thread from the JVM. */
    public static BenchCommand withScenarios(List<BenchScenario> scenarios, List<String> pending) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        LongSupplier cpu = threads.isCurrentThreadCpuTimeSupported() ? threads::getCurrentThreadCpuTime : () -> -1;
        return new BenchCommand(scenarios, pending, System::nanoTime, cpu);
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure CSV parsing, indicator and engine throughput";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.optional("data", "DIR", "folder of daily bar files (default " + DEFAULT_DATA + " when present)"),
                Option.optional("rounds", "N", "timed rounds per scenario (default 10)"),
                Option.optional("warm-up", "SECONDS", "minimum untimed warm-up of the sma-cross scenario, half of it for CSV parsing "
                        + "(default 5, or rounds/2 when fewer than 10 rounds are asked for)"),
                DataOptions.options().getFirst(),
                Option.flag("synthetic", "use the seeded synthetic data set even when real data is present"));
    }

    /** Raw bytes of one file, with its name. */
    record Input(String name, byte[] bytes) {
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        int rounds = args.integer("rounds", 10, 1, 1000);
        long warmUpNanos = args.integer("warm-up", rounds < 10 ? (rounds + 1) / 2 : 5, 0, 600) * 1_000_000_000L;
        ZoneId zone = IndicatorsCommand.zone(args);
        List<Input> inputs = new ArrayList<>();
        String source;
        Path dir = null;
        if (args.has("data")) {
            dir = args.path("data");
            if (!Files.isDirectory(dir)) throw new UsageException("--data: no such directory: " + dir);
        } else if (!args.has("synthetic")) {
            dir = defaultDataDir();
        }
        if (dir != null) {
            source = dir.toString();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList()) {
                    if (!hasBarHeader(f)) {
                        out.println("skipped " + f.getFileName() + ": not a bar file");
                        continue;
                    }
                    inputs.add(new Input(f.getFileName().toString(), Files.readAllBytes(f)));
                }
            }
            if (inputs.isEmpty()) throw new UsageException("--data: no bar files in " + dir);
        } else {
            source = "synthetic (49 daily series x 5306 bars, seeds 1..49)";
            for (int s = 1; s <= 49; s++) {
                BarSeries series = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("SYN" + s, 5306, s));
                inputs.add(new Input(series.symbol() + ".csv", CsvBarWriter.toBytes(series)));
            }
        }
        long bytes = inputs.stream().mapToLong(i -> i.bytes().length).sum();
        out.printf(Locale.ROOT, "data: %s: %d files, %.1f MB; %d timed rounds after warm-up, single thread%n",
                source, inputs.size(), bytes / 1e6, rounds);

        // 1. CSV parsing
        List<BarSeries> series = new ArrayList<>();
        for (Input in : inputs) series.add(CsvBarReader.parse(in.bytes(), in.name(), CsvBarReader.symbolOf(Path.of(in.name())), zone));
        long bars = series.stream().mapToLong(BarSeries::size).sum();
        long[] check = new long[1];
        Rates rates = measure(rounds, bars, warmUpNanos / 2, () -> {
            try {
                for (Input in : inputs) check[0] += CsvBarReader.parse(in.bytes(), in.name(), "S", zone).size();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // parsed once above: cannot happen
            }
        });
        report(out, "csv-parse", bars, rates, String.format(Locale.ROOT, "%.0f MB/s", median(rates.wall()) * bytes / bars / 1e6));

        // 2. indicators, streaming, one at a time
        List<double[]> closes = new ArrayList<>(), highs = new ArrayList<>(), lows = new ArrayList<>(), volumes = new ArrayList<>();
        for (BarSeries s : series) {
            closes.add(s.closes());
            highs.add(s.highs());
            lows.add(s.lows());
            volumes.add(s.volumesAsDouble());
        }
        double[] sink = new double[1];
        indicator(out, "indicator rsi14", rounds, bars, closes, () -> new Rsi(14), sink);
        indicator(out, "indicator sma20", rounds, bars, closes, () -> new Sma(20), sink);
        indicator(out, "indicator ema20", rounds, bars, closes, () -> new Ema(20), sink);
        indicator(out, "indicator wma20", rounds, bars, closes, () -> new Wma(20), sink);
        indicator(out, "indicator wma100", rounds, bars, closes, () -> new Wma(100), sink);
        indicator(out, "indicator volratio20", rounds, bars, volumes, () -> new VolumeRatio(20), sink);
        Rates atrRates = measure(rounds, bars, () -> {
            for (int k = 0; k < closes.size(); k++) {
                Atr atr = new Atr(14);
                double[] h = highs.get(k), l = lows.get(k), c = closes.get(k);
                for (int i = 0; i < c.length; i++) {
                    atr.update(h[i], l[i], c[i]);
                    sink[0] += atr.ready() ? atr.value() : 0;
                }
            }
        });
        report(out, "indicator atr14", bars, atrRates, null);

        // 3. registered scenarios
        for (BenchScenario scenario : scenarios) scenario.run(series, rounds, warmUpNanos, nanoTime, out);
        for (String name : pending) out.println(name + ": not in this build (needs the engine)");
        out.printf(Locale.ROOT, "(checksums %d %.3f)%n", check[0], sink[0]);
        return Cli.EXIT_OK;
    }

    private void indicator(PrintStream out, String name, int rounds, long bars, List<double[]> inputs,
                           Supplier<ValueIndicator> factory, double[] sink) {
        Rates rates = measure(rounds, bars, () -> {
            for (double[] in : inputs) {
                ValueIndicator ind = factory.get();
                for (double x : in) {
                    ind.update(x);
                    if (ind.ready()) sink[0] += ind.value();
                }
            }
        });
        report(out, name, bars, rates, null);
    }

    /** Rates of the timed rounds: bars per wall second and per CPU second (NaN when CPU time is unknown). */
    record Rates(double[] wall, double[] cpu) {
    }

    private Rates measure(int rounds, long barsPerRound, Runnable body) {
        return measure(rounds, barsPerRound, 0, body);
    }

    /**
     * Times {@code rounds} rounds after as many untimed warm-up rounds (at least 3) and, when longer,
     * after {@code minWarmUpNanos} of warm-up.
     */
    private Rates measure(int rounds, long barsPerRound, long minWarmUpNanos, Runnable body) {
        long warmStart = nanoTime.getAsLong();
        for (int i = 0; i < Math.max(3, rounds) || nanoTime.getAsLong() - warmStart < minWarmUpNanos; i++) body.run();
        double[] wall = new double[rounds], cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = cpuTime.getAsLong();
            long t0 = nanoTime.getAsLong();
            body.run();
            long dt = Math.max(1, nanoTime.getAsLong() - t0);
            long dc = cpuTime.getAsLong() - c0;
            wall[r] = barsPerRound * 1e9 / dt;
            cpu[r] = c0 < 0 || dc <= 0 ? Double.NaN : barsPerRound * 1e9 / dc;
        }
        return new Rates(wall, cpu);
    }

    private static double median(double[] rates) {
        double[] s = rates.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void report(PrintStream out, String name, long bars, Rates rates, String extra) {
        double best = Arrays.stream(rates.wall()).max().orElse(0);
        double cpu = median(rates.cpu());
        out.printf(Locale.ROOT, "%s: %d bars/round, median %.2f M bars per wall second, best %.2f M%s%s%n",
                name, bars, median(rates.wall()) / 1e6, best / 1e6,
                Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, ", %.2f M bars per CPU second", cpu / 1e6),
                extra == null ? "" : " (" + extra + ")");
    }

    private static boolean hasBarHeader(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && CsvBarReader.isHeader(first);
        } catch (java.nio.charset.MalformedInputException e) {
            return false;
        }
    }

    /** The default data folder if present (see class doc), else null. */
    static Path defaultDataDir() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(DEFAULT_DATA));
        Path jarDir = jarDirectory();
        if (jarDir != null) {
            candidates.add(jarDir.resolve(DEFAULT_DATA));
            if (jarDir.getParent() != null) candidates.add(jarDir.getParent().resolve(DEFAULT_DATA));
        }
        for (Path p : candidates) if (Files.isDirectory(p)) return p.normalize();
        return null;
    }

    /**
     * The directory of the jar this process was started from ({@code java -jar X.jar} puts exactly that
     * jar on {@code java.class.path}), else of the jar or classes folder this class was loaded from;
     * null when neither can be told.
     */
    static Path jarDirectory() {
        try {
            String cp = System.getProperty("java.class.path", "");
            if (!cp.isEmpty() && !cp.contains(java.io.File.pathSeparator) && cp.endsWith(".jar")) {
                return Path.of(cp).toAbsolutePath().getParent();
            }
            var cs = BenchCommand.class.getProtectionDomain().getCodeSource();
            if (cs == null) return null;
            String loc = cs.getLocation().toString();
            // Spring Boot's nested jars: jar:nested:/path/app.jar/!BOOT-INF/classes/!/
            int bang = loc.indexOf("!/");
            if (bang > 0) loc = loc.substring(0, bang);
            loc = loc.replaceFirst("^jar:", "").replaceFirst("^nested:", "file:");
            if (loc.endsWith("/")) loc = loc.substring(0, loc.length() - 1);
            return Path.of(URI.create(loc.startsWith("file:") ? loc : "file:" + loc)).getParent();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
