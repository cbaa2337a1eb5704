package io.tradepilot.trading.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.LedgerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Market page's quotes and chart, from cached bars and ledger orders: exact change and volume, markers, the stop line. */
class MarketViewTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CachedBar bar(String start, String open, String close, long volume) {
        BigDecimal o = new BigDecimal(open);
        BigDecimal c = new BigDecimal(close);
        return new CachedBar("AAPL", Instant.parse(start), o, o.max(c), o.min(c), c, volume);
    }

    @Test
    void a_quote_compares_the_last_close_with_the_previous_sessions_close_and_sums_the_sessions_volume() {
        List<CachedBar> bars = List.of(
                bar("2024-01-02T20:55:00Z", "185.00", "185.64", 1000),   // 15:55 New York, Jan 2
                bar("2024-01-03T14:30:00Z", "184.20", "184.50", 700),    // Jan 3
                bar("2024-01-03T14:35:00Z", "184.50", "183.99", 300));

        MarketBoard.Quote q = MarketBoard.quote("AAPL", bars, NEW_YORK);

        assertThat(q.last()).isEqualByComparingTo("183.99");
        assertThat(q.change()).isEqualByComparingTo("-1.65");
        assertThat(q.changePercent()).isEqualByComparingTo("-0.89");
        assertThat(q.volume()).isEqualTo(1000);
        assertThat(q.lastBarAt()).isEqualTo(Instant.parse("2024-01-03T14:35:00Z"));
        assertThat(MarketView.change(q)).isEqualTo("-1.65 (-0.89 %)");
        assertThat(MarketView.freshness(q, Instant.parse("2024-01-03T14:40:30Z"))).isEqualTo("last bar 14:35:00 UTC, 5 min ago");
    }

    @Test
    void without_an_earlier_session_the_change_is_from_the_sessions_first_open_and_an_empty_cache_shows_no_data() {
        MarketBoard.Quote q = MarketBoard.quote("AAPL", List.of(bar("2024-01-03T14:30:00Z", "100", "101.5", 10)), NEW_YORK);
        assertThat(q.change()).isEqualByComparingTo("1.5");
        assertThat(MarketView.change(q)).isEqualTo("+1.5 (+1.50 %)");
        MarketBoard.Quote none = MarketBoard.quote("MSFT", List.of(), NEW_YORK);
        assertThat(none.last()).isNull();
        assertThat(MarketView.freshness(none, Instant.EPOCH)).isEqualTo("no data");
    }

    @Test
    void the_chart_marks_working_limits_fills_and_draws_the_open_positions_stop_as_a_line() {
        List<CachedBar> bars = List.of(bar("2024-01-03T14:30:00Z", "100", "101", 10), bar("2024-01-03T14:35:00Z", "101", "102", 10));
        Instant t = Instant.parse("2024-01-03T14:36:00Z");
        List<LedgerOrder> orders = List.of(
                new LedgerOrder("O1", "c1", "MANUAL", "AAPL", "BUY", new BigDecimal("10"), "MARKET", null, null, "DAY", "FILLED",
                        new BigDecimal("10"), null, Instant.parse("2024-01-03T14:31:00Z"), Instant.parse("2024-01-03T14:31:00Z")),
                new LedgerOrder("O2", "c2", "MANUAL", "AAPL", "SELL", new BigDecimal("10"), "STOP", null, new BigDecimal("99.50"), "GTC",
                        "ACCEPTED", BigDecimal.ZERO, null, t, t),
                new LedgerOrder("O3", "c3", "MANUAL", "AAPL", "BUY", new BigDecimal("5"), "LIMIT", new BigDecimal("100.25"), null, "DAY",
                        "ACCEPTED", BigDecimal.ZERO, null, t, t));

        var fill = new io.tradepilot.trading.OrderFill(1, "O1", "AAPL", "BUY", new BigDecimal("10"), new BigDecimal("101.05"),
                BigDecimal.ZERO, null, Instant.parse("2024-01-03T14:35:00Z"));
        Chart.Candlestick chart = MarketView.chart("AAPL", bars, orders, id -> "O1".equals(id) ? List.of(fill) : List.of());

        assertThat(chart.candles()).hasSize(2);
        assertThat(chart.markers()).extracting(Chart.Marker::label, Chart.Marker::price)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("bought 10 @ 101.05", 101.05),
                        org.assertj.core.groups.Tuple.tuple("BUY 5 LMT", 100.25));
        assertThat(chart.levels()).extracting(Chart.Level::label, Chart.Level::price)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stop SELL 10 @ 99.5", 99.5));
        assertThat(chart.toOptions().get("annotations").toString()).contains("yaxis").contains("stop SELL 10 @ 99.5");
    }

    @Test
    void the_view_shows_its_symbols_quotes_and_redraws_the_chart_when_the_chosen_symbol_has_a_new_bar() {
        List<CachedBar> cache = new ArrayList<>(List.of(bar("2024-01-03T14:30:00Z", "100", "101", 10)));
        int[] reads = {0};
        MarketDataQueries bars = new MarketDataQueries() {
            public List<CachedBar> recentBars(String symbol, int limit) {
                reads[0]++;
                return "AAPL".equals(symbol) ? List.copyOf(cache) : List.of();
            }

            public Optional<BigDecimal> latestClose(String symbol) {
                return Optional.empty();
            }
        };
        TradingQueries trading = new TradingQueries() {
            public List<LedgerPosition> openPositions() {
                return List.of(new LedgerPosition("MSFT", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, Instant.EPOCH));
            }

            public List<LedgerOrder> orders(boolean workingOnly, int limit) {
                return List.of();
            }

            public List<EquityPoint> equity(int limit) {
                return List.of();
            }

            public Optional<EquityPoint> equityAt(Instant at) {
                return Optional.empty();
            }

            public List<StrategyDay> strategyDays(LocalDate from, LocalDate to) {
                return List.of();
            }

            public Optional<LivePortfolio> livePortfolio() {
                return Optional.empty();
            }

            public EngineStatus status() {
                return new EngineStatus("STANDBY", "STOPPED", Instant.EPOCH, 0);
            }

            public List<io.tradepilot.trading.OrderFill> fills(String orderId) {
                return List.of();
            }
        };
        StrategyControls strategies = new StrategyControls() {
            public List<StrategyStatus> strategies() {
                return List.of(new StrategyStatus("s1", "S1", List.of("AAPL"), Map.of(), BigDecimal.ONE, true, 0, 0, BigDecimal.ZERO, 0,
                        Map.of(), BigDecimal.ZERO));
            }

            public ActionResult activate(String strategyId, String confirmation, String reason) {
                return null;
            }

            public ActionResult deactivate(String strategyId, String confirmation, String reason) {
                return null;
            }
        };
        UI.setCurrent(new UI());
        try {
            MarketFeed feed = new MarketFeed(bars, Duration.ofSeconds(1), "America/New_York");
            MarketView view = new MarketView(bars, trading, strategies, feed, Clock.fixed(Instant.parse("2024-01-03T14:36:00Z"), ZoneOffset.UTC));
            assertThat(view.symbols()).containsExactly("AAPL", "MSFT");

            view.show(MarketBoard.read(bars, List.of("AAPL", "MSFT", "TSLA"), NEW_YORK));
            assertThat(view.chosen()).isEqualTo("AAPL");
            assertThat(view.chart.optionsJson()).contains("\"candlestick\"");
            int afterFirst = reads[0];

            view.show(MarketBoard.read(bars, List.of("AAPL", "MSFT"), NEW_YORK)); // nothing new: no redraw
            assertThat(reads[0]).isEqualTo(afterFirst + 2);

            cache.add(bar("2024-01-03T14:35:00Z", "101", "102.5", 20));
            view.show(MarketBoard.read(bars, List.of("AAPL", "MSFT"), NEW_YORK)); // a new bar: redrawn
            assertThat(reads[0]).isEqualTo(afterFirst + 2 + 2 + 1);
            assertThat(view.chart.optionsJson()).contains("102.5");
        } finally {
            UI.setCurrent(null);
        }
    }
}
