package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.BacktestTrade;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCandlesTest {

    private static final Instant T0 = Instant.parse("2020-01-01T03:45:00Z");

    private static BarSeries series(int n) {
        long[] s = new long[n], o = new long[n], h = new long[n], l = new long[n], c = new long[n], v = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = T0.plusSeconds(86_400L * i).toEpochMilli();
            o[i] = 100 + i;
            h[i] = 102 + i;
            l[i] = 99 + i;
            c[i] = 101 + i;
            v[i] = 10;
        }
        return BarSeries.of("AAA", ZoneId.of("Asia/Kolkata"), TimeStamping.DATE, 0, s, o, h, l, c, v);
    }

    private static BacktestTrade trade(String symbol, String side, int entryDay, int exitDay) {
        return new BacktestTrade(symbol, entryDay, side, T0.plusSeconds(86_400L * entryDay), BigDecimal.valueOf(100 + entryDay),
                T0.plusSeconds(86_400L * exitDay), BigDecimal.valueOf(101 + exitDay), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ONE, null);
    }

    @Test
    void a_short_series_is_drawn_bar_for_bar_with_both_fills_of_each_trade_of_its_symbol() {
        RunCandles.View v = RunCandles.of(series(10), List.of(trade("AAA", "LONG", 2, 5), trade("AAA", "SHORT", 6, 8), trade("BBB", "LONG", 1, 3)));
        assertThat(v.barsPerCandle()).isEqualTo(1);
        assertThat(v.chart().candles()).hasSize(10);
        assertThat(v.chart().candles().get(3)).isEqualTo(new Chart.Candle(T0.plusSeconds(86_400L * 3), 103, 105, 102, 104));
        assertThat(v.chart().markers()).extracting(Chart.Marker::label)
                .containsExactly("bought 10 @ 102", "sold 10 @ 106", "sold 10 @ 106", "bought 10 @ 109");
        assertThat(v.chart().markers()).extracting(Chart.Marker::color)
                .containsExactly(RunCandles.BOUGHT, RunCandles.SOLD, RunCandles.SOLD, RunCandles.BOUGHT);
        assertThat(v.caption()).isEqualTo("10 bars; 4 fills marked (closed trades' entries and exits)");
    }

    @Test
    void a_long_series_is_merged_into_at_most_the_maximum_candles_and_the_latest_fills_are_marked() {
        int n = 4_000;
        List<BacktestTrade> trades = new ArrayList<>();
        for (int d = 0; d + 1 < n; d += 10) trades.add(trade("AAA", "LONG", d, d + 1));
        RunCandles.View v = RunCandles.of(series(n), trades);
        assertThat(v.barsPerCandle()).isEqualTo(3);
        assertThat(v.chart().candles()).hasSize(1_334).hasSizeLessThanOrEqualTo(RunCandles.MAX_CANDLES);
        // bars 3..5 merged: open of bar 3, highest high (bar 5), lowest low (bar 3), close of bar 5
        assertThat(v.chart().candles().get(1)).isEqualTo(new Chart.Candle(T0.plusSeconds(86_400L * 3), 103, 107, 102, 106));
        // the last candle holds the one remaining bar
        assertThat(v.chart().candles().getLast()).isEqualTo(new Chart.Candle(T0.plusSeconds(86_400L * 3_999), 4_099, 4_101, 4_098, 4_100));
        assertThat(v.fills()).isEqualTo(800);
        assertThat(v.chart().markers()).hasSize(RunCandles.MAX_MARKERS);
        assertThat(v.chart().markers().getLast().time()).isEqualTo(T0.plusSeconds(86_400L * 3_991));
        assertThat(v.caption()).isEqualTo("4000 bars, 3 per candle; 800 fills, the latest 600 marked (closed trades' entries and exits)");
    }
}
