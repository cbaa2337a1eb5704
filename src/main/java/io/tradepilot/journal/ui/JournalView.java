package io.tradepilot.journal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.annotation.Value;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trade journal: filters (kept in the URL; {@link JournalFilterBar}), the statistics ({@link JournalStatistics}) of the filtered trades with their conventions,
 * equity/drawdown, daily net P&amp;L, a calendar of daily net P&amp;L, net P&amp;L by symbol, strategy, tag, weekday
 * and hour, a histogram of R, and a lazy grid of trades sorted and paged on the server. A
 * click on a trade opens its {@link TradeDialog} (fills with charges by kind, tags and note; operators and admins may edit
 * those, the server authorizes and audits). Charts: {@link JournalCharts}. Element ids: {@code journal-view}, {@code journal-range}, {@code journal-symbol}, {@code journal-strategy},
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

    final JournalFilterBar filters;
    final Grid<Trade> grid = new Grid<>(Trade.class, false);
    final JournalStatistics stats;
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

        filters = new JournalFilterBar(clock, queries.zone(), this::changed);
        stats = new JournalStatistics(currency);
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
        filter = newFilter;
        filters.show(newRange, newFilter);
        TradeStatistics s = queries.statistics(filter);
        stats.show(s);
        equity.show(JournalCharts.equityChart(s.days()));
        daily.show(JournalCharts.dailyChart(s.days()));
        calendar.show(JournalCharts.calendarChart(s.days()));
        TradeBreakdown b = queries.breakdown(filter);
        bySymbol.show(JournalCharts.breakdownChart("Net P&L by symbol", b.bySymbol()));
        byStrategy.show(JournalCharts.breakdownChart("Net P&L by strategy", b.byStrategy()));
        byTag.show(JournalCharts.breakdownChart("Net P&L by tag", b.byTag()));
        byWeekday.show(JournalCharts.breakdownChart("Net P&L by weekday (exit)", b.byWeekday()));
        byHour.show(JournalCharts.breakdownChart("Net P&L by hour (exit)", b.byHour()));
        rHistogram.show(JournalCharts.rHistogramChart(b));
        byExitReason.show(JournalCharts.breakdownChart("Net P&L by exit reason", b.byExitReason().stream()
                .map(x -> new TradeBreakdown.Bucket(exitLabel(ExitReason.valueOf(x.label())), x.trades(), x.netPnl())).toList()));
        anchors.clear();
        grid.getDataProvider().refreshAll();
    }

    private void changed() {
        JournalFilterParams.Range r = filters.selectedRange();
        TradeFilter f = filters.filter();
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

    private void openTrade(long id) {
        queries.trade(id).ifPresent(t -> new TradeDialog(t, queries.plan(id).orElse(null), queries, annotations, currency, time,
                () -> grid.getDataProvider().refreshAll()).open());
    }

    /** An exit reason for people: {@code square off}, {@code flatten or square off}, ... */
    static String exitLabel(ExitReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** A trade's R for people: {@code 1.25R}, or {@code no stop}. */
    static String r(Trade t) {
        if (t.initialRisk() == null) return "no stop";
        return t.rMultiple() == null ? Amounts.NONE : t.rMultiple().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "R";
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
