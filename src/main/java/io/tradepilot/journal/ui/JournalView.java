package io.tradepilot.journal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.DailyPnl;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradingMode;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trade journal: filters (kept in the URL), the statistics of the filtered trades with their conventions,
 * equity/drawdown, daily net P&amp;L, a calendar of daily net P&amp;L, net P&amp;L by symbol, strategy, tag, weekday
 * and hour, a histogram of R, and a lazy grid of trades sorted and paged on the server. A
 * click on a trade opens its fills, tags and note; operators and admins may edit those (the server authorizes
 * and audits). Element ids: {@code journal-view}, {@code journal-range}, {@code journal-symbol}, {@code journal-strategy},
 * {@code journal-tag}, {@code journal-grid}, {@code journal-stats},
 * {@code journal-export-trades}, {@code journal-export-fills}, {@code trade-dialog}, {@code trade-chart},
 * {@code journal-calendar}, {@code journal-by-symbol}, {@code journal-by-strategy}, {@code journal-by-tag},
 * {@code journal-by-weekday}, {@code journal-by-hour}, {@code journal-r-histogram}.
 */
@Route("journal")
@PageTitle("Journal · Tradepilot")
@Menu(title = "Journal", order = 3, icon = "vaadin:book")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class JournalView extends VerticalLayout implements BeforeEnterObserver {

    static final String CONVENTIONS = "Closed trades only; win = net P&L > 0. Sharpe and Sortino from daily net P&L "
            + "(market-zone days with exits), x sqrt(252), risk-free 0; sample deviation; Sortino's downside over all days. "
            + "Max drawdown on cumulative net P&L in exit order.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JournalQueries queries;
    private final JournalAnnotations annotations;
    private final Clock clock;
    private final String currency;
    private final DateTimeFormatter time;

    final Select<JournalFilterParams.Range> range = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final TextField symbol = new TextField("Symbol");
    final Select<String> side = new Select<>();
    final TextField strategy = new TextField("Strategy");
    final Select<String> outcome = new Select<>();
    final TextField tag = new TextField("Tag");
    final Select<String> mode = new Select<>();
    final Select<String> exitReason = new Select<>();
    final Grid<Trade> grid = new Grid<>(Trade.class, false);
    final Div stats = new Div();
    final ApexChart equity = new ApexChart();
    final ApexChart daily = new ApexChart();
    final ApexChart calendar = new ApexChart();
    final ApexChart bySymbol = new ApexChart();
    final ApexChart byStrategy = new ApexChart();
    final ApexChart byTag = new ApexChart();
    final ApexChart byWeekday = new ApexChart();
    final ApexChart byHour = new ApexChart();
    final ApexChart rHistogram = new ApexChart();
    final ApexChart byExitReason = new ApexChart();
    final Anchor exportTrades = new Anchor();
    final Anchor exportFills = new Anchor();
    private TradeFilter filter = TradeFilter.ALL;
    /** Keyset anchors of the grid: the row offset a loaded page ended at, and its last trade's id (for {@link #anchorsOrder}). */
    private final Map<Integer, Long> anchors = new HashMap<>();
    private String anchorsOrder;
    private boolean applying;

    JournalView(JournalQueries queries, JournalAnnotations annotations, JournalExports exports, Clock clock,
                @Value("${tradepilot.trading.currency:INR}") String currency) {
        exportTrades.setText("Export trades (CSV)");
        exportFills.setText("Export fills (CSV)");
        // a download resource needs the UI: registered once the view is attached
        addAttachListener(e -> {
            if (exportTrades.getHref().isEmpty()) {
                exportTrades.setHref(csv("journal-trades.csv", () -> exports.tradesCsv(filter)));
                exportFills.setHref(csv("journal-fills.csv", () -> exports.fillsCsv(filter)));
            }
        });
        this.queries = queries;
        this.annotations = annotations;
        this.clock = clock;
        this.currency = currency;
        this.time = TIME.withZone(queries.zone());
        setId("journal-view");
        setWidthFull();

        range.setLabel("Range");
        range.setItems(JournalFilterParams.Range.values());
        range.setItemLabelGenerator(r -> switch (r) {
            case LAST_7_DAYS -> "Last 7 days";
            case LAST_30_DAYS -> "Last 30 days";
            case LAST_90_DAYS -> "Last 90 days";
            case YEAR_TO_DATE -> "Year to date";
            case ALL -> "All";
            case CUSTOM -> "Custom";
        });
        side.setLabel("Side");
        side.setItems("", TradeSide.LONG.name(), TradeSide.SHORT.name());
        side.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s);
        outcome.setLabel("Outcome");
        List<String> outcomes = new ArrayList<>(List.of(""));
        for (Outcome o : Outcome.values()) outcomes.add(o.name());
        outcome.setItems(outcomes);
        outcome.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s);
        mode.setLabel("Mode");
        List<String> modes = new ArrayList<>(List.of(""));
        for (TradingMode m : TradingMode.values()) modes.add(m.name());
        mode.setItems(modes);
        mode.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s);
        exitReason.setLabel("Exit reason");
        List<String> reasons = new ArrayList<>(List.of(""));
        for (ExitReason x : ExitReason.values()) reasons.add(x.name());
        exitReason.setItems(reasons);
        exitReason.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : exitLabel(ExitReason.valueOf(s)));
        range.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        for (var field : List.of(from, to)) field.addValueChangeListener(e -> { if (e.isFromClient()) { range.setValue(JournalFilterParams.Range.CUSTOM); changed(); } });
        for (var field : List.of(symbol, strategy, tag)) field.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        side.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        outcome.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        mode.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        exitReason.addValueChangeListener(e -> { if (e.isFromClient()) changed(); });
        mode.setId("journal-mode");
        exitReason.setId("journal-exit-reason");
        range.setId("journal-range");
        symbol.setId("journal-symbol");
        strategy.setId("journal-strategy");
        tag.setId("journal-tag");
        HorizontalLayout filters = new HorizontalLayout(range, from, to, symbol, side, strategy, outcome, tag, mode, exitReason);
        filters.setWrap(true);

        stats.setId("journal-stats");
        stats.setWidthFull();
        equity.setWidthFull();
        equity.setHeight("260px");
        daily.setWidthFull();
        daily.setHeight("220px");
        calendar.setId("journal-calendar");
        calendar.setHeight("220px");
        FlexLayout breakdowns = new FlexLayout();
        breakdowns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        breakdowns.setWidthFull();
        for (var entry : List.of(Map.entry("journal-by-symbol", bySymbol), Map.entry("journal-by-strategy", byStrategy),
                Map.entry("journal-by-tag", byTag), Map.entry("journal-by-weekday", byWeekday),
                Map.entry("journal-by-hour", byHour), Map.entry("journal-r-histogram", rHistogram),
                Map.entry("journal-by-exit-reason", byExitReason))) {
            entry.getValue().setId(entry.getKey());
            entry.getValue().setWidth("32rem");
            entry.getValue().setHeight("240px");
            breakdowns.add(entry.getValue());
        }
        exportTrades.setId("journal-export-trades");
        exportFills.setId("journal-export-fills");

        grid.setId("journal-grid");
        grid.setPageSize(50);
        grid.setMultiSort(false);
        grid.addColumn(t -> String.valueOf(t.id())).setHeader("Trade").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Trade::symbol).setHeader("Symbol").setSortProperty(TradeSort.SYMBOL.name()).setAutoWidth(true);
        grid.addColumn(t -> t.side().name()).setHeader("Side").setAutoWidth(true);
        grid.addColumn(Trade::strategy).setHeader("Strategy").setSortProperty(TradeSort.STRATEGY.name()).setAutoWidth(true);
        grid.addColumn(t -> time.format(t.entryTime())).setHeader("Entry").setSortProperty(TradeSort.ENTRY_TIME.name()).setAutoWidth(true);
        grid.addColumn(t -> Amounts.price(t.entryPrice())).setHeader("Entry price").setAutoWidth(true);
        grid.addColumn(t -> t.exitTime() == null ? "open" : time.format(t.exitTime())).setHeader("Exit")
                .setSortProperty(TradeSort.EXIT_TIME.name()).setAutoWidth(true);
        grid.addColumn(t -> t.exitPrice() == null ? Amounts.NONE : Amounts.price(t.exitPrice())).setHeader("Exit price").setAutoWidth(true);
        grid.addColumn(t -> Amounts.quantity(t.quantity())).setHeader("Qty").setSortProperty(TradeSort.QUANTITY.name()).setAutoWidth(true);
        grid.addColumn(t -> Amounts.signedMoney(t.netPnl(), currency)).setHeader("Net P&L").setSortProperty(TradeSort.NET_PNL.name())
                .setAutoWidth(true).setPartNameGenerator(t -> t.netPnl().signum() < 0 ? "loss" : t.netPnl().signum() > 0 ? "gain" : null);
        grid.addColumn(t -> Amounts.money(t.fees(), currency)).setHeader("Fees").setAutoWidth(true);
        grid.addColumn(JournalView::r).setHeader("R").setSortProperty(TradeSort.R_MULTIPLE.name()).setAutoWidth(true);
        grid.addColumn(t -> holding(t.holding())).setHeader("Held").setSortProperty(TradeSort.HOLDING.name()).setAutoWidth(true);
        grid.addColumn(t -> t.exitReason() == null ? Amounts.NONE : exitLabel(t.exitReason()))
                .setHeader("Exit reason").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.tags())).setHeader("Tags").setAutoWidth(true);
        grid.setItems(q -> page(q.getSortOrders(), q.getOffset(), q.getLimit()).stream(),
                q -> queries.trades(filter, TradeSort.EXIT_TIME, true, 0, 1).total());
        grid.sort(List.of(new GridSortOrder<>(grid.getColumns().get(6), SortDirection.DESCENDING)));
        grid.addItemClickListener(e -> openTrade(e.getItem().id()));

        add(new H2("Journal"), filters, stats, new Paragraph(CONVENTIONS), equity, daily, calendar, breakdowns,
                new HorizontalLayout(exportTrades, exportFills), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        show(JournalFilterParams.range(params), JournalFilterParams.parse(params, clock, queries.zone()));
    }

    /** Shows {@code newFilter}: fields, statistics, charts, export links and the grid. */
    void show(JournalFilterParams.Range newRange, TradeFilter newFilter) {
        applying = true;
        try {
            filter = newFilter;
            range.setValue(newRange);
            from.setValue(newFilter.from());
            to.setValue(newFilter.to());
            symbol.setValue(newFilter.symbol() == null ? "" : newFilter.symbol());
            side.setValue(newFilter.side() == null ? "" : newFilter.side().name());
            strategy.setValue(newFilter.strategy() == null ? "" : newFilter.strategy());
            outcome.setValue(newFilter.outcome() == null ? "" : newFilter.outcome().name());
            tag.setValue(newFilter.tag() == null ? "" : newFilter.tag());
            mode.setValue(newFilter.mode() == null ? "" : newFilter.mode().name());
            exitReason.setValue(newFilter.exitReason() == null ? "" : newFilter.exitReason().name());
        } finally {
            applying = false;
        }
        TradeStatistics s = queries.statistics(filter);
        showStatistics(s);
        equity.show(equityChart(s.days()));
        daily.show(dailyChart(s.days()));
        calendar.show(calendarChart(s.days()));
        TradeBreakdown b = queries.breakdown(filter);
        bySymbol.show(breakdownChart("Net P&L by symbol", b.bySymbol()));
        byStrategy.show(breakdownChart("Net P&L by strategy", b.byStrategy()));
        byTag.show(breakdownChart("Net P&L by tag", b.byTag()));
        byWeekday.show(breakdownChart("Net P&L by weekday (exit)", b.byWeekday()));
        byHour.show(breakdownChart("Net P&L by hour (exit)", b.byHour()));
        rHistogram.show(rHistogramChart(b));
        byExitReason.show(breakdownChart("Net P&L by exit reason", b.byExitReason().stream()
                .map(x -> new TradeBreakdown.Bucket(exitLabel(ExitReason.valueOf(x.label())), x.trades(), x.netPnl())).toList()));
        anchors.clear();
        grid.getDataProvider().refreshAll();
    }

    /** The filter the fields describe now. */
    TradeFilter fromFields() {
        JournalFilterParams.Range r = range.getValue() == null ? JournalFilterParams.Range.LAST_30_DAYS : range.getValue();
        Map<String, List<String>> params = new HashMap<>();
        params.put("range", List.of(r.param));
        if (r == JournalFilterParams.Range.CUSTOM) {
            if (from.getValue() != null) params.put("from", List.of(from.getValue().toString()));
            if (to.getValue() != null) params.put("to", List.of(to.getValue().toString()));
        }
        params.put("symbol", List.of(symbol.getValue()));
        params.put("side", List.of(side.getValue() == null ? "" : side.getValue()));
        params.put("strategy", List.of(strategy.getValue()));
        params.put("outcome", List.of(outcome.getValue() == null ? "" : outcome.getValue()));
        params.put("tag", List.of(tag.getValue()));
        params.put("mode", List.of(mode.getValue() == null ? "" : mode.getValue()));
        params.put("exit", List.of(exitReason.getValue() == null ? "" : exitReason.getValue()));
        return JournalFilterParams.parse(params, clock, queries.zone());
    }

    private void changed() {
        if (applying) return;
        JournalFilterParams.Range r = range.getValue() == null ? JournalFilterParams.Range.LAST_30_DAYS : range.getValue();
        TradeFilter f = fromFields();
        getUI().ifPresentOrElse(ui -> ui.navigate(JournalView.class, QueryParameters.simple(JournalFilterParams.format(r, f))),
                () -> show(r, f));
    }

    /**
     * One grid page, sorted by the grid's sort order (exit time, newest first, by default): by keyset after the last trade of
     * the page that ended at {@code offset} when one was loaded in this order (scrolling on), else by offset.
     */
    List<Trade> page(List<QuerySortOrder> sortOrders, int offset, int limit) {
        TradeSort sort = TradeSort.EXIT_TIME;
        boolean descending = true;
        if (!sortOrders.isEmpty()) {
            sort = TradeSort.valueOf(sortOrders.getFirst().getSorted());
            descending = sortOrders.getFirst().getDirection() == SortDirection.DESCENDING;
        }
        int size = Math.min(Math.max(limit, 1), JournalQueries.MAX_LIMIT);
        String order = sort + " " + descending + " " + filter;
        if (!order.equals(anchorsOrder)) {
            anchors.clear();
            anchorsOrder = order;
        }
        Long after = offset > 0 ? anchors.get(offset) : null;
        List<Trade> trades = after != null ? queries.tradesAfter(filter, sort, descending, after, size).trades()
                : queries.trades(filter, sort, descending, offset, size).trades();
        if (!trades.isEmpty()) {
            if (anchors.size() > 1_000) anchors.clear();
            anchors.put(offset + trades.size(), trades.getLast().id());
        }
        return trades;
    }

    private void showStatistics(TradeStatistics s) {
        stats.removeAll();
        FlexLayout cells = new FlexLayout();
        cells.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cells.getStyle().set("gap", "var(--lumo-space-m)");
        cell(cells, "Trades", s.trades() + (s.openTrades() > 0 ? " (+" + s.openTrades() + " open)" : ""));
        cell(cells, "Net P&L", Amounts.signedMoney(s.netPnl(), currency));
        cell(cells, "Win rate", s.winRate() == null ? Amounts.NONE : Amounts.percent(s.winRate()));
        cell(cells, "Profit factor", decimal(s.profitFactor()));
        cell(cells, "Expectancy", s.expectancy() == null ? Amounts.NONE : Amounts.signedMoney(s.expectancy(), currency));
        cell(cells, "Average R", decimal(s.averageR()) + " (" + s.rTrades() + " with a stop)");
        cell(cells, "Average win", s.averageWin() == null ? Amounts.NONE : Amounts.money(s.averageWin(), currency));
        cell(cells, "Average loss", s.averageLoss() == null ? Amounts.NONE : Amounts.signedMoney(s.averageLoss(), currency));
        cell(cells, "Largest win", s.largestWin() == null ? Amounts.NONE : Amounts.money(s.largestWin(), currency));
        cell(cells, "Largest loss", s.largestLoss() == null ? Amounts.NONE : Amounts.signedMoney(s.largestLoss(), currency));
        cell(cells, "Streaks", s.longestWinStreak() + " wins / " + s.longestLossStreak() + " losses");
        cell(cells, "Max drawdown", Amounts.money(s.maxDrawdown(), currency));
        cell(cells, "Sharpe", s.sharpe() == null ? Amounts.NONE : String.format("%.2f", s.sharpe()));
        cell(cells, "Sortino", s.sortino() == null ? Amounts.NONE : String.format("%.2f", s.sortino()));
        cell(cells, "Fees", Amounts.money(s.fees(), currency));
        stats.add(cells);
    }

    private static void cell(FlexLayout cells, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getElement().setAttribute("data-stat", label);
        VerticalLayout c = new VerticalLayout(l, v);
        c.setPadding(false);
        c.setSpacing(false);
        c.setWidth("auto");
        cells.add(c);
    }

    /** Cumulative net P&L per day and its drawdown from the running peak (one point per day: no overnight lines). */
    static Chart equityChart(List<DailyPnl> days) {
        List<Chart.TimePoint> curve = new ArrayList<>();
        List<Chart.TimePoint> drawdown = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        for (DailyPnl d : days) {
            cumulative = cumulative.add(d.netPnl());
            if (cumulative.compareTo(peak) > 0) peak = cumulative;
            Instant at = d.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            curve.add(new Chart.TimePoint(at, cumulative.doubleValue()));
            drawdown.add(new Chart.TimePoint(at, cumulative.subtract(peak).doubleValue()));
        }
        return new Chart.Line("Equity (cumulative net P&L) and drawdown", List.of(new Chart.Series<>("Net P&L", curve, "#1565c0"),
                new Chart.Series<>("Drawdown", drawdown, "#c62828")), false, null);
    }

    /** Daily net P&L: gains green, losses red. */
    static Chart dailyChart(List<DailyPnl> days) {
        return new Chart.SignedBar("Daily net P&L", days.stream().map(d -> d.day().toString()).toList(), "Net P&L",
                days.stream().map(d -> d.netPnl().doubleValue()).toList(), false);
    }

    /**
     * A calendar of daily net P&amp;L: one row per weekday (Monday at the top; Saturday and Sunday only when they
     * have exits), one column per week (labelled by its Monday); green gains, red losses, blank without exits.
     */
    static Chart calendarChart(List<DailyPnl> days) {
        if (days.isEmpty()) return new Chart.SignedHeatmap("Daily net P&L calendar", List.of());
        Map<java.time.LocalDate, BigDecimal> byDay = new HashMap<>();
        boolean weekend = false;
        for (DailyPnl d : days) {
            byDay.put(d.day(), d.netPnl());
            weekend |= d.day().getDayOfWeek().getValue() > 5;
        }
        java.time.LocalDate firstMonday = days.getFirst().day().with(java.time.DayOfWeek.MONDAY);
        java.time.LocalDate lastMonday = days.getLast().day().with(java.time.DayOfWeek.MONDAY);
        List<Chart.HeatRow> rows = new ArrayList<>();
        for (int dow = weekend ? 7 : 5; dow >= 1; dow--) { // ApexCharts draws the last series at the top
            java.time.DayOfWeek weekday = java.time.DayOfWeek.of(dow);
            List<Chart.HeatCell> cells = new ArrayList<>();
            for (java.time.LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
                BigDecimal pnl = byDay.get(monday.plusDays(dow - 1L));
                cells.add(new Chart.HeatCell(monday.toString(), pnl == null ? Double.NaN : pnl.doubleValue()));
            }
            rows.add(new Chart.HeatRow(weekday.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH), cells));
        }
        return new Chart.SignedHeatmap("Daily net P&L calendar", rows);
    }

    /** Net P&amp;L per group (gains green, losses red), the trade count in each label. */
    static Chart breakdownChart(String title, List<TradeBreakdown.Bucket> buckets) {
        return new Chart.SignedBar(title, buckets.stream().map(b -> b.label() + " (" + b.trades() + ")").toList(), "Net P&L",
                buckets.stream().map(b -> b.netPnl().doubleValue()).toList(), false);
    }

    /** How many closed trades fell in each R bin; trades without a stop are named in the title. */
    static Chart rHistogramChart(TradeBreakdown b) {
        return new Chart.Bar("R multiples (" + b.noStop() + " without a stop)",
                b.rHistogram().stream().map(TradeBreakdown.Bucket::label).toList(),
                List.of(new Chart.Series<>("Trades", b.rHistogram().stream().map(x -> (double) x.trades()).toList(), "#1565c0")),
                false, true);
    }

    /**
     * One trade on its bars: candles, a marker per fill (entries green, exits red, with side and quantity) and the
     * protective stop of its first entry as a dashed line (none without a stop).
     */
    static Chart tradeChart(Trade t, List<io.tradepilot.trading.CachedBar> bars) {
        List<Chart.Candle> candles = bars.stream().map(b -> new Chart.Candle(b.start(), b.open().doubleValue(),
                b.high().doubleValue(), b.low().doubleValue(), b.close().doubleValue())).toList();
        List<Chart.Marker> markers = new ArrayList<>();
        BigDecimal stop = null;
        for (TradeFill f : t.fills()) {
            boolean entry = f.role() == TradeFill.Role.ENTRY;
            if (entry && stop == null) stop = f.protectiveStop();
            markers.add(new Chart.Marker(barStart(f.time(), bars), f.price().doubleValue(),
                    (entry ? "Entry " : "Exit ") + f.side() + " " + Amounts.quantity(f.quantity()),
                    entry ? Chart.SignedBar.GAIN : Chart.SignedBar.LOSS));
        }
        List<Chart.Level> levels = stop == null ? List.of()
                : List.of(new Chart.Level(stop.doubleValue(), "Stop " + Amounts.price(stop), Chart.SignedBar.LOSS));
        return new Chart.Candlestick(t.symbol() + " · trade " + t.id(), candles, markers, levels);
    }

    /** The start of the bar holding {@code time} (markers sit on a candle), or {@code time} itself outside the bars. */
    private static Instant barStart(Instant time, List<io.tradepilot.trading.CachedBar> bars) {
        Instant start = time;
        for (var b : bars) {
            if (b.start().isAfter(time)) break;
            start = b.start();
        }
        return start;
    }

    private void openTrade(long id) {
        queries.trade(id).ifPresent(t -> new TradeDialog(t, queries.plan(id).orElse(null)).open());
    }

    /** One trade: its figures, fills, tags and note. */
    final class TradeDialog extends Dialog {

        final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
        final TextArea note = new TextArea("Note (Markdown)");
        final Div preview = new Div();

        /** @param plan what the strategy planned (stop, targets), null when it recorded none */
        TradeDialog(Trade t, io.tradepilot.journal.TradePlan plan) {
            setId("trade-dialog");
            setHeaderTitle("Trade " + t.id() + " · " + t.symbol() + " " + t.side() + " · " + t.status());
            setWidth("900px");
            boolean editor = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
            Paragraph figures = new Paragraph("Net " + Amounts.signedMoney(t.netPnl(), currency) + " (gross "
                    + Amounts.signedMoney(t.grossPnl(), currency) + ", fees " + Amounts.money(t.fees(), currency) + ") · R "
                    + r(t) + " · initial risk " + (t.initialRisk() == null ? "no stop" : Amounts.money(t.initialRisk(), currency))
                    + " · MAE " + excursion(t.mae(), t.maeR()) + " · MFE " + excursion(t.mfe(), t.mfeR()));
            Grid<TradeFill> fills = new Grid<>(TradeFill.class, false);
            fills.setId("trade-fills");
            fills.addColumn(f -> time.format(f.time())).setHeader("Time").setAutoWidth(true);
            fills.addColumn(f -> f.role().name()).setHeader("Role");
            fills.addColumn(TradeFill::side).setHeader("Side");
            fills.addColumn(f -> Amounts.quantity(f.quantity())).setHeader("Qty");
            fills.addColumn(f -> Amounts.price(f.price())).setHeader("Price");
            fills.addColumn(f -> Amounts.money(f.commission(), currency)).setHeader("Fee");
            fills.addColumn(TradeFill::orderType).setHeader("Order");
            fills.addColumn(TradeFill::strategy).setHeader("By");
            fills.setItems(t.fills());
            fills.setAllRowsVisible(true);

            tags.setItems(queries.tags());
            tags.setAllowCustomValue(true);
            tags.addCustomValueSetListener(e -> {
                var values = new HashSet<>(tags.getValue());
                values.add(e.getDetail());
                List<String> items = new ArrayList<>(queries.tags());
                items.addAll(values);
                tags.setItems(items.stream().distinct().toList());
                tags.setValue(values);
            });
            tags.setValue(new HashSet<>(t.tags()));
            tags.setReadOnly(!editor);
            tags.setWidthFull();
            note.setValue(t.note() == null ? "" : t.note());
            note.setReadOnly(!editor);
            note.setWidthFull();
            note.setMaxLength(JournalAnnotations.MAX_NOTE);
            preview.add(new Html(NoteRenderer.html(t.note())));
            List<io.tradepilot.trading.CachedBar> bars = queries.barsAround(t.id());
            if (plan != null) {
                Paragraph planned = new Paragraph("Plan (" + plan.source() + "): entry " + planPrice(plan.entry()) + " · stop "
                        + planPrice(plan.stop()) + " · T1 " + planPrice(plan.target1()) + " · T2 " + planPrice(plan.target2()));
                planned.setId("trade-plan");
                add(planned);
            }
            if (bars.isEmpty()) {
                add(figures, new Paragraph("No cached bars reach back to this trade's entry: no chart."), fills, tags, note, preview);
            } else {
                ApexChart chart = new ApexChart(tradeChart(t, bars));
                chart.setId("trade-chart");
                chart.setHeight("300px");
                add(figures, chart, fills, tags, note, preview);
            }
            Button close = new Button("Close", e -> close());
            if (editor) {
                Button save = new Button("Save", e -> save(t.id()));
                save.setId("trade-save");
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                getFooter().add(close, save);
            } else {
                getFooter().add(close);
            }
        }

        void save(long id) {
            try {
                annotations.setTags(id, tags.getValue().stream().sorted().collect(Collectors.toList()));
                annotations.setNote(id, note.getValue());
                preview.removeAll();
                preview.add(new Html(NoteRenderer.html(note.getValue().isBlank() ? null : note.getValue())));
                Notification.show("Saved");
                grid.getDataProvider().refreshAll();
            } catch (JournalRefusal refusal) {
                if (refusal.field().equals("note")) {
                    note.setInvalid(true);
                    note.setErrorMessage(refusal.getMessage());
                } else {
                    tags.setInvalid(true);
                    tags.setErrorMessage(refusal.getMessage());
                }
            }
        }
    }

    /** An excursion in money and, when the trade had a stop, in R. */
    private String excursion(BigDecimal money, BigDecimal inR) {
        if (money == null) return "no bars";
        return Amounts.signedMoney(money, currency) + (inR == null ? "" : " (" + inR.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "R)");
    }

    private static String planPrice(BigDecimal price) {
        return price == null ? Amounts.NONE : Amounts.price(price);
    }

    /** An exit reason for people: {@code square off}, {@code flatten or square off}, ... */
    static String exitLabel(ExitReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String r(Trade t) {
        if (t.initialRisk() == null) return "no stop";
        return t.rMultiple() == null ? Amounts.NONE : t.rMultiple().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "R";
    }

    private static String decimal(BigDecimal value) {
        return value == null ? Amounts.NONE : value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String holding(Duration d) {
        if (d == null) return "open";
        long minutes = d.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes < 1440 ? (minutes / 60) + " h " + (minutes % 60) + " min" : d.toDays() + " d";
    }

    /** A download of the CSV {@code body} gives when the link is followed (the filter at that moment; audited by the export). */
    private static DownloadHandler csv(String name, java.util.function.Supplier<String> body) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, "text/csv; charset=UTF-8", bytes.length);
        });
    }
}
