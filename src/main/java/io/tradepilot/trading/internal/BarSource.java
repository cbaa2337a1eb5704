package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.SyntheticMarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bars of every traded symbol, from the configured source, as one series per instrument. The
 * series are deterministic: the synthetic market is seeded (the same settings give the same bars after
 * a restart), a CSV folder gives what its files hold. The feed walks them in time order.
 */
record BarSource(Map<Instrument, BarSeries> series) {

    BarSource {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    /** Loads the configured source for {@code symbols}. Refuses a CSV folder without a file for a symbol. */
    static BarSource load(TradingProperties properties, List<String> symbols) {
        Objects.requireNonNull(symbols, "symbols");
        var md = properties.marketdata();
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        switch (md.source()) {
            case SYNTHETIC -> {
                var syn = md.synthetic();
                for (String symbol : symbols) {
                    var spec = new SyntheticMarket.Spec(symbol, properties.marketZone(), syn.firstDay(), syn.tradingDays(), 75,
                            LocalTime.of(9, 15), 5, new BigDecimal("0.05"), new BigDecimal("1000"), 2_000_000,
                            syn.seed() * 31 + symbol.hashCode());
                    out.put(Instrument.nseEquity(symbol), SyntheticMarket.generate(spec));
                }
            }
            case CSV -> {
                Path folder = md.csv().folder();
                if (folder == null || !Files.isDirectory(folder)) {
                    throw new IllegalStateException("tradepilot.trading.marketdata.csv.folder is not a folder: " + folder);
                }
                for (String symbol : symbols) {
                    Path file = folder.resolve(symbol + ".csv");
                    if (!Files.isRegularFile(file)) throw new IllegalStateException("no " + file + " for symbol " + symbol);
                    try {
                        var result = CsvBarReader.read(file, symbol, properties.marketZone(), CsvBarReader.InconsistentBars.SKIP);
                        out.put(instrument(symbol, md.csv().exchange()), result.series());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return new BarSource(out);
    }

    /** The instrument for a symbol of {@code exchange}: NSE cash equity, otherwise a US equity. */
    static Instrument instrument(String symbol, String exchange) {
        return "NSE".equalsIgnoreCase(exchange) ? Instrument.nseEquity(symbol) : Instrument.usEquity(symbol, exchange);
    }

    List<Instrument> instruments() {
        return new ArrayList<>(series.keySet());
    }
}
