package io.tradepilot.journal.ui;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.tradepilot.journal.DailyPnl;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradePage;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Journal page's presenter logic: URL filters, server-side sort and paging, charts, safe notes. */
class JournalViewTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T06:00:00Z"), IST);

    /** Records what the view asks for. */
    static final class RecordingQueries implements JournalQueries {
        final List<String> calls = new ArrayList<>();
        TradeFilter lastFilter;

        @Override public TradePage trades(TradeFilter filter, TradeSort sort, boolean descending, int offset, int limit) {
            lastFilter = filter;
            calls.add(sort + (descending ? " desc " : " asc ") + offset + "+" + limit);
            return new TradePage(List.of(), 0, offset, limit);
        }
        @Override public TradePage tradesAfter(TradeFilter filter, TradeSort sort, boolean descending, long afterId, int limit) {
            lastFilter = filter;
            calls.add(sort + (descending ? " desc " : " asc ") + "after " + afterId + "+" + limit);
            return new TradePage(List.of(), 0, 0, limit);
        }
        @Override public List<Trade> allTrades(TradeFilter filter, TradeSort sort, boolean descending) { return List.of(); }
        @Override public Optional<Trade> trade(long id) { return Optional.empty(); }
        @Override public Optional<io.tradepilot.journal.TradePlan> plan(long id) { return Optional.empty(); }
        @Override public TradeStatistics statistics(TradeFilter filter) {
            lastFilter = filter;
            return TradeStatistics.of(List.of(), IST);
        }
        @Override public io.tradepilot.journal.TradeBreakdown breakdown(TradeFilter filter) {
            return io.tradepilot.journal.TradeBreakdown.of(List.of(), IST);
        }
        @Override public List<io.tradepilot.trading.CachedBar> barsAround(long id) { return List.of(); }
        @Override public ZoneId zone() { return IST; }
        @Override public List<String> tags() { return JournalAnnotations.SUGGESTED_TAGS; }
    }

    private final RecordingQueries queries = new RecordingQueries();
    private final JournalAnnotations annotations = new JournalAnnotations() {
        @Override public List<String> setTags(long tradeId, List<String> tags) { return tags; }
        @Override public void setNote(long tradeId, String markdown) { }
    };
    private final JournalExports exports = new JournalExports() {
        @Override public String tradesCsv(TradeFilter filter) { return ""; }
        @Override public String fillsCsv(TradeFilter filter) { return ""; }
    };

    @Test
    void url_parameters_give_the_filter_and_a_filter_gives_them_back_for_bookmarks() {
        TradeFilter week = JournalFilterParams.parse(Map.of("range", List.of("7d"), "symbol", List.of("ABC"),
                "side", List.of("short"), "outcome", List.of("WIN"), "tag", List.of("3WI success")), CLOCK, IST);
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(week.to()).isNull();
        assertThat(week.symbol()).isEqualTo("ABC");
        assertThat(week.side()).isEqualTo(TradeSide.SHORT);
        assertThat(week.outcome()).isEqualTo(Outcome.WIN);
        assertThat(week.tag()).isEqualTo("3WI success");
        assertThat(JournalFilterParams.format(JournalFilterParams.Range.LAST_7_DAYS, week))
                .containsExactly(Map.entry("range", "7d"), Map.entry("symbol", "ABC"), Map.entry("side", "SHORT"),
                        Map.entry("outcome", "WIN"), Map.entry("tag", "3WI success"));

        TradeFilter custom = JournalFilterParams.parse(Map.of("from", List.of("2026-01-05"), "to", List.of("2026-02-01")), CLOCK, IST);
        assertThat(JournalFilterParams.range(Map.of("from", List.of("2026-01-05")))).isEqualTo(JournalFilterParams.Range.CUSTOM);
        assertThat(JournalFilterParams.parse(JournalFilterParams.format(JournalFilterParams.Range.CUSTOM, custom).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), CLOCK, IST)).isEqualTo(custom);

        TradeFilter ytd = JournalFilterParams.parse(Map.of("range", List.of("ytd")), CLOCK, IST);
        assertThat(ytd.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        TradeFilter junk = JournalFilterParams.parse(Map.of("side", List.of("UP"), "from", List.of("not-a-date")), CLOCK, IST);
        assertThat(junk.side()).isNull();
        assertThat(JournalFilterParams.parse(Map.of(), CLOCK, IST).from()).as("default: last 30 days").isEqualTo(LocalDate.of(2026, 2, 9));
    }

    @Test
    void the_grid_pages_and_sorts_on_the_server_with_the_current_filter() {
        JournalView view = new JournalView(queries, annotations, exports, CLOCK, "INR");
        TradeFilter filter = new TradeFilter(null, null, "XYZ", null, null, null, null, null);
        view.show(JournalFilterParams.Range.ALL, filter);
        assertThat(queries.lastFilter).isEqualTo(filter);
        assertThat(view.filters.symbol.getValue()).isEqualTo("XYZ");
        queries.calls.clear();
        view.page(List.of(new QuerySortOrder(TradeSort.NET_PNL.name(), SortDirection.ASCENDING)), 100, 50);
        view.page(List.of(), 0, 10_000);
        assertThat(queries.calls).containsExactly("NET_PNL asc 100+50", "EXIT_TIME desc 0+500");
        assertThat(queries.lastFilter).isEqualTo(filter);
    }

    @Test
    void the_calendar_has_a_row_per_weekday_a_column_per_week_and_blank_days_without_exits() {
        List<DailyPnl> days = List.of(new DailyPnl(LocalDate.of(2026, 3, 3), 1, new BigDecimal("100")),   // Tuesday
                new DailyPnl(LocalDate.of(2026, 3, 13), 2, new BigDecimal("-30")));                       // Friday, 2 weeks on
        Map<String, Object> options = JournalCharts.calendarChart(days).toOptions();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) options.get("series");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Fri", "Thu", "Wed", "Tue", "Mon");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tuesday = (List<Map<String, Object>>) rows.get(3).get("data");
        assertThat(tuesday).extracting(c -> c.get("x")).containsExactly("2026-03-02", "2026-03-09");
        assertThat(tuesday.get(0).get("y")).isEqualTo(100.0);
        assertThat(tuesday.get(1).get("y")).as("no exits that day").isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> friday = (List<Map<String, Object>>) rows.get(0).get("data");
        assertThat(friday.get(1).get("y")).isEqualTo(-30.0);
        assertThat(options.toString()).contains("colorScale").contains("#c62828").contains("#2e7d32");
    }

    @Test
    void a_trades_chart_marks_entries_and_exits_on_their_bars_and_draws_the_stop() {
        Instant t0 = Instant.parse("2026-03-02T04:00:00Z");
        var bars = List.of(new io.tradepilot.trading.CachedBar("ABC", t0, new BigDecimal("100"), new BigDecimal("101"),
                        new BigDecimal("99"), new BigDecimal("100.5"), 10),
                new io.tradepilot.trading.CachedBar("ABC", t0.plusSeconds(300), new BigDecimal("100.5"), new BigDecimal("103"),
                        new BigDecimal("100"), new BigDecimal("102"), 10));
        var entry = new io.tradepilot.journal.TradeFill(1, "O-1", "c1", t0.plusSeconds(30), "BUY", io.tradepilot.journal.TradeFill.Role.ENTRY,
                new BigDecimal("10"), new BigDecimal("100.2"), BigDecimal.ONE, new BigDecimal("98"), "MARKET", "sma");
        var exit = new io.tradepilot.journal.TradeFill(2, "O-2", "c2", t0.plusSeconds(400), "SELL", io.tradepilot.journal.TradeFill.Role.EXIT,
                new BigDecimal("10"), new BigDecimal("102.5"), BigDecimal.ONE, null, "LIMIT", "sma");
        Trade t = new Trade(1, "ABC", TradeSide.LONG, "sma", io.tradepilot.journal.TradingMode.PAPER, io.tradepilot.journal.TradeStatus.CLOSED,
                entry.time(), entry.price(), exit.time(), exit.price(), BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("23"),
                new BigDecimal("2"), new BigDecimal("21"), java.time.Duration.ofSeconds(370), new BigDecimal("22"),
                new BigDecimal("0.95"), io.tradepilot.journal.ExitReason.STRATEGY, null, null, List.of(), null, List.of(entry, exit));
        Map<String, Object> options = JournalCharts.tradeChart(t, bars).toOptions();
        @SuppressWarnings("unchecked")
        var annotations = (Map<String, List<Map<String, Object>>>) options.get("annotations");
        assertThat(annotations.get("points")).extracting(p -> p.get("x"))
                .containsExactly(t0.toEpochMilli(), t0.plusSeconds(300).toEpochMilli());
        assertThat(annotations.get("points").get(0).toString()).contains("Entry BUY 10").contains("#2e7d32");
        assertThat(annotations.get("points").get(1).toString()).contains("Exit SELL 10").contains("#c62828");
        assertThat(annotations.get("yaxis")).singleElement().satisfies(l -> assertThat(l.get("y")).isEqualTo(98.0));
    }

    @Test
    void daily_losses_are_red_and_the_drawdown_follows_the_running_peak() {
        List<DailyPnl> days = List.of(new DailyPnl(LocalDate.of(2026, 3, 2), 1, new BigDecimal("100")),
                new DailyPnl(LocalDate.of(2026, 3, 3), 2, new BigDecimal("-30")));
        Map<String, Object> bar = JournalCharts.dailyChart(days).toOptions();
        assertThat(bar.toString()).contains("#c62828").contains("-30.0").contains("#2e7d32").contains("ranges");
        Map<String, Object> line = JournalCharts.equityChart(days).toOptions();
        assertThat(line.toString()).contains("Drawdown").contains("70.0").contains("-30.0");
    }

    @Test
    void notes_render_markdown_without_raw_html_or_script_links() {
        String html = NoteRenderer.html("**Good** entry <script>alert(1)</script> [x](javascript:alert(1))");
        assertThat(html).contains("<strong>Good</strong>").contains("&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("javascript:");
        assertThat(NoteRenderer.html(null)).isEqualTo("<div class=\"journal-note\"></div>");
    }
}
