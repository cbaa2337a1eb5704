package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import io.tradepilot.marketdata.HistoricalBars;
import io.tradepilot.marketdata.StoredSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored series come first, named by symbol (daily) or SYMBOL@interval; fixed ones fill the names left. */
class StoredBacktestDataTest {

    private final BarSeries storedDaily = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("INFY", 40, 1));
    private final BarSeries storedFive = SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("INFY", 2, 2));
    private final BarSeries fixedInfy = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("INFY", 10, 3));
    private final BarSeries fixedTcs = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("TCS", 10, 4));

    private final HistoricalBars store = new HistoricalBars() {
        @Override
        public List<StoredSeries> catalog() {
            return List.of(stored("1d", storedDaily), stored("5m", storedFive));
        }

        @Override
        public Optional<BarSeries> load(String symbol, String interval) {
            if (!symbol.equals("INFY")) return Optional.empty();
            return switch (interval) {
                case "1d" -> Optional.of(storedDaily);
                case "5m" -> Optional.of(storedFive);
                default -> Optional.empty();
            };
        }
    };

    private final BacktestData data = new StoredBacktestData(store,
            new FixedBacktestData(Map.of("INFY", fixedInfy, "TCS", fixedTcs), Map.of("INFY", "synthetic", "TCS", "synthetic")));

    private static StoredSeries stored(String interval, BarSeries s) {
        return new StoredSeries("INFY", "NSE", interval, s.start(0), s.start(s.size() - 1), s.size(), StoredSeries.Source.CSV,
                "INFY.csv", "admin", s.start(0), 0, 0, 0, 0, 0);
    }

    @Test
    void the_catalog_lists_stored_series_and_the_fixed_ones_whose_names_are_free() {
        assertThat(data.series()).extracting(BacktestData.SeriesInfo::symbol).containsExactly("INFY", "INFY@5m", "TCS");
        assertThat(data.series().getFirst().bars()).isEqualTo(40);
        assertThat(data.series().getFirst().source()).isEqualTo("stored csv 1d (INFY.csv)");
    }

    @Test
    void a_stored_series_wins_over_a_fixed_one_of_the_same_name_and_is_sliced_by_day() {
        LocalDate all = LocalDate.of(1900, 1, 1), end = LocalDate.of(2999, 1, 1);
        assertThat(data.load("INFY", all, end)).get().extracting(BarSeries::size).isEqualTo(40);
        assertThat(data.load("INFY@5m", all, end)).get().extracting(BarSeries::size).isEqualTo(storedFive.size());
        assertThat(data.load("TCS", all, end)).get().extracting(BarSeries::size).isEqualTo(10);
        LocalDate second = storedDaily.start(1).atZone(storedDaily.zone()).toLocalDate();
        assertThat(data.load("INFY", second, second)).get().extracting(BarSeries::size).isEqualTo(1);
        assertThat(data.load("TCS@5m", all, end)).isEmpty();
        assertThat(data.load("WIPRO", all, end)).isEmpty();
    }
}
