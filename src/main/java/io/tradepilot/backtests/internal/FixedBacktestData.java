package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.SyntheticMarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link BacktestData} over series fixed at start-up: the seeded synthetic market (daily NSE-like bars, each symbol
 * seeded as the live replay seeds it: {@code seed * 31 + symbol.hashCode()}) and, when configured, a folder of
 * {@code SYMBOL.csv} files (a CSV symbol replaces a synthetic one of the same name). Series are generated or read
 * once; {@link #load} slices them by exchange-local day.
 */
final class FixedBacktestData implements BacktestData {

    private final Map<String, BarSeries> series;
    private final Map<String, String> sources;

    FixedBacktestData(Map<String, BarSeries> series, Map<String, String> sources) {
        this.series = Map.copyOf(series);
        this.sources = Map.copyOf(sources);
    }

    static FixedBacktestData of(BacktestsProperties.Data data) {
        Map<String, BarSeries> series = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        var syn = data.synthetic();
        for (String symbol : syn.symbols()) {
            var spec = new SyntheticMarket.Spec(symbol, ZoneId.of("Asia/Kolkata"), syn.firstDay(), syn.tradingDays(), 1, LocalTime.MIDNIGHT, 0,
                    new BigDecimal("0.05"), new BigDecimal("1000"), 2_000_000, syn.seed() * 31 + symbol.hashCode());
            series.put(symbol, SyntheticMarket.generate(spec));
            sources.put(symbol, "synthetic (seed " + syn.seed() + ")");
        }
        Path folder = data.csvFolder();
        if (folder != null) {
            if (!Files.isDirectory(folder)) throw new IllegalStateException("tradepilot.backtests.data.csv-folder is not a folder: " + folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                    String symbol = CsvBarReader.symbolOf(f);
                    series.put(symbol, CsvBarReader.read(f, symbol, data.csvZone(), CsvBarReader.InconsistentBars.SKIP).series());
                    sources.put(symbol, "csv " + f.getFileName());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FixedBacktestData(series, sources);
    }

    @Override
    public List<SeriesInfo> series() {
        List<SeriesInfo> out = new ArrayList<>();
        series.keySet().stream().sorted().forEach(symbol -> {
            BarSeries s = series.get(symbol);
            out.add(new SeriesInfo(symbol, s.isEmpty() ? null : s.start(0), s.isEmpty() ? null : s.start(s.size() - 1), s.size(),
                    sources.get(symbol)));
        });
        return out;
    }

    @Override
    public Optional<BarSeries> load(String symbol, LocalDate from, LocalDate to) {
        BarSeries s = series.get(symbol);
        return s == null ? Optional.empty() : Optional.of(days(s, from, to));
    }

    /** The bars of {@code s} whose exchange-local day lies in {@code [from, to]}. */
    static BarSeries days(BarSeries s, LocalDate from, LocalDate to) {
        int first = s.size(), last = s.size();
        for (int i = 0; i < s.size(); i++) {
            LocalDate day = s.start(i).atZone(s.zone()).toLocalDate();
            if (first == s.size() && !day.isBefore(from)) first = i;
            if (day.isAfter(to)) {
                last = i;
                break;
            }
        }
        return s.slice(Math.min(first, last), last);
    }
}
