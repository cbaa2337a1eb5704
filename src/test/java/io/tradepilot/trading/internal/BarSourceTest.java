package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

class BarSourceTest {

    private static TradingProperties settings(TradingProperties.Source source, Path folder, String exchange) {
        var md = new TradingProperties.MarketData(source, 60, Duration.ofMinutes(5), Duration.ofSeconds(60), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2025, 1, 6), 3), new TradingProperties.Csv(folder, exchange));
        return new TradingProperties(true, true, new BigDecimal("1000000"), "INR", ZoneId.of("Asia/Kolkata"), 1, Duration.ofMillis(250),
                Duration.ofSeconds(10), List.of(), new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md);
    }

    @Test
    void the_synthetic_market_gives_every_symbol_its_own_series_and_the_same_bars_after_a_restart() {
        var first = BarSource.load(settings(TradingProperties.Source.SYNTHETIC, null, "NSE"), List.of("AAA", "BBB"));
        var again = BarSource.load(settings(TradingProperties.Source.SYNTHETIC, null, "NSE"), List.of("AAA", "BBB"));

        assertThat(first.instruments()).extracting(i -> i.symbol()).containsExactly("AAA", "BBB");
        var aaa = first.series().get(first.instruments().get(0));
        var bbb = first.series().get(first.instruments().get(1));
        assertThat(aaa.size()).isEqualTo(3 * 75);
        assertThat(aaa).isEqualTo(again.series().get(again.instruments().get(0)));
        assertThat(aaa.scaledCloses()).isNotEqualTo(bbb.scaledCloses());
        assertThat(first.instruments().get(0).exchange()).isEqualTo("NSE");
    }

    @Test
    void a_csv_folder_is_replayed_per_symbol_with_instruments_of_the_configured_exchange(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("SPY.csv"), """
                date,open,high,low,close,volume
                2024-01-02,472.16,473.67,470.49,472.65,123
                2024-01-03,470.43,471.19,468.17,468.79,456
                """);

        var source = BarSource.load(settings(TradingProperties.Source.CSV, folder, "NYSE"), List.of("SPY"));

        var spy = source.instruments().getFirst();
        assertThat(spy.exchange()).isEqualTo("NYSE");
        assertThat(spy.tickSize()).isEqualByComparingTo("0.01");
        assertThat(source.series().get(spy).size()).isEqualTo(2);
    }

    @Test
    void a_csv_replay_without_a_file_for_a_symbol_is_refused(@TempDir Path folder) {
        assertThatThrownBy(() -> BarSource.load(settings(TradingProperties.Source.CSV, folder, "NSE"), List.of("INFY")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INFY");
        assertThatThrownBy(() -> BarSource.load(settings(TradingProperties.Source.CSV, folder.resolve("missing"), "NSE"), List.of("INFY")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a folder");
    }
}
