package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.marketdata.HistoricalBars;
import io.tradepilot.marketdata.StoredSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backtests' bars: the series stored by the {@code marketdata} module (CSV imports, broker history) first, then the
 * fixed ones ({@link FixedBacktestData}: the synthetic market, a CSV folder) under names no stored series takes. A stored
 * daily series ({@value #DAILY}) is named by its symbol; another interval by {@code SYMBOL@interval} (e.g.
 * {@code INFY@5m}). Deterministic as the port requires: a stored series changes only when someone re-imports it, and a
 * run's data fingerprint then tells the two apart.
 */
final class StoredBacktestData implements BacktestData {

    static final String DAILY = "1d";

    private final HistoricalBars stored;
    private final BacktestData fixed;

    StoredBacktestData(HistoricalBars stored, BacktestData fixed) {
        this.stored = stored;
        this.fixed = fixed;
    }

    @Override
    public List<SeriesInfo> series() {
        List<SeriesInfo> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (StoredSeries s : stored.catalog()) {
            String name = name(s.symbol(), s.interval());
            names.add(name);
            out.add(new SeriesInfo(name, s.first(), s.last(), (int) Math.min(Integer.MAX_VALUE, s.barCount()),
                    "stored " + s.source().name().toLowerCase(java.util.Locale.ROOT) + " " + s.interval() + " (" + s.sourceDetail() + ")"));
        }
        fixed.series().stream().filter(s -> !names.contains(s.symbol())).forEach(out::add);
        out.sort(Comparator.comparing(SeriesInfo::symbol));
        return out;
    }

    @Override
    public Optional<BarSeries> load(String symbol, LocalDate from, LocalDate to) {
        int at = symbol.lastIndexOf('@');
        String bare = at < 0 ? symbol : symbol.substring(0, at);
        String interval = at < 0 ? DAILY : symbol.substring(at + 1);
        Optional<BarSeries> series = stored.load(bare, interval);
        if (series.isPresent()) return series.map(s -> FixedBacktestData.days(s, from, to));
        return at < 0 ? fixed.load(symbol, from, to) : Optional.empty();
    }

    private static String name(String symbol, String interval) {
        return DAILY.equals(interval) ? symbol : symbol + "@" + interval;
    }
}
