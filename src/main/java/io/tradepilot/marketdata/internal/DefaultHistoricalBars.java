package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.marketdata.HistoricalBars;
import io.tradepilot.marketdata.MarketDataRefusal;
import io.tradepilot.marketdata.StoredSeries;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/** {@link HistoricalBars} over {@link SeriesStore}: each load one read-only transaction (a consistent snapshot). */
final class DefaultHistoricalBars implements HistoricalBars {

    private final SeriesStore store;
    private final TransactionTemplate readOnly;

    DefaultHistoricalBars(SeriesStore store, TransactionTemplate readOnly) {
        this.store = store;
        this.readOnly = readOnly;
    }

    @Override
    public List<StoredSeries> catalog() {
        return store.catalog();
    }

    @Override
    public Optional<BarSeries> load(String symbol, String interval) {
        if (symbol == null || interval == null) return Optional.empty();
        String iv;
        try {
            iv = BarInterval.parse(interval).text();
        } catch (MarketDataRefusal notAnInterval) {
            return Optional.empty();
        }
        return readOnly.execute(status -> store.find(symbol.strip(), iv)
                .map(row -> store.load(row, ExchangeCalendar.of(row.series().exchange()).zone())));
    }
}
