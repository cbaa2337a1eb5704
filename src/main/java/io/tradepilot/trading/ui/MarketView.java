package io.tradepilot.trading.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.security.Roles;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingQueries;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Market page (every role): a watchlist of the traded symbols — last price, change, session volume, how fresh the
 * feed is — pushed live by the shared {@link MarketFeed}, and a candlestick chart of the chosen symbol with the engine's
 * orders (limit prices where they were placed), fills and the open position's stop (a dashed line), redrawn as its bars
 * arrive. Chart values are for display (double); the watchlist shows exact decimals.
 */
@Route("market")
@PageTitle("Market · Tradepilot")
@Menu(title = "Market", order = 1.5, icon = "vaadin:chart")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class MarketView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int CANDLES = 200;

    private final MarketDataQueries bars;
    private final TradingQueries trading;
    private final StrategyControls strategies;
    private final MarketFeed feed;
    private final Clock clock;
    final Grid<MarketBoard.Quote> watchlist = new Grid<>();
    final ApexChart chart = new ApexChart();
    private String chosen;
    private Instant chartBarAt;
    private MarketBoard board;

    MarketView(MarketDataQueries bars, TradingQueries trading, StrategyControls strategies, MarketFeed feed, Clock clock) {
        this.bars = bars;
        this.trading = trading;
        this.strategies = strategies;
        this.feed = feed;
        this.clock = clock;
        setSizeFull();
        setId("market-view");
        watchlist.setId("market-watchlist");
        watchlist.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        watchlist.setAllRowsVisible(true);
        watchlist.addColumn(MarketBoard.Quote::symbol).setHeader("Symbol").setAutoWidth(true);
        watchlist.addColumn(q -> plain(q.last())).setHeader("Last").setAutoWidth(true);
        watchlist.addColumn(MarketView::change).setHeader("Change").setAutoWidth(true);
        watchlist.addColumn(MarketBoard.Quote::volume).setHeader("Volume").setAutoWidth(true);
        watchlist.addColumn(q -> freshness(q, clock.instant())).setHeader("Feed").setFlexGrow(1);
        watchlist.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) choose(e.getValue().symbol());
        });
        chart.setId("market-chart");
        chart.setHeight("420px");
        add(new H3("Watchlist"), watchlist, chart);
        feed.subscribeWhileAttached(this, this::show);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        feed.watch(symbols());
    }

    /** The traded symbols: the strategies' and those with an open position. */
    Set<String> symbols() {
        Set<String> symbols = new TreeSet<>();
        try {
            for (StrategyStatus s : strategies.strategies()) symbols.addAll(s.symbols());
        } catch (RuntimeException unavailable) {
            // the positions still name symbols
        }
        try {
            for (LedgerPosition p : trading.openPositions()) symbols.add(p.symbol());
        } catch (RuntimeException unavailable) {
            // nothing more to add
        }
        return symbols;
    }

    /** A new watchlist frame: the rows of this page's symbols; the chart redrawn when its symbol has a new bar. */
    void show(MarketBoard frame) {
        Set<String> mine = symbols();
        board = frame;
        List<MarketBoard.Quote> rows = frame.quotes().stream().filter(q -> mine.contains(q.symbol())).toList();
        watchlist.setItems(rows);
        if (chosen == null && !rows.isEmpty()) chosen = rows.getFirst().symbol();
        rows.stream().filter(q -> q.symbol().equals(chosen)).findFirst().ifPresent(q -> {
            if (!Objects.equals(q.lastBarAt(), chartBarAt)) drawChart();
        });
    }

    void choose(String symbol) {
        chosen = symbol;
        drawChart();
    }

    String chosen() {
        return chosen;
    }

    private void drawChart() {
        if (chosen == null) return;
        List<CachedBar> recent = bars.recentBars(chosen, CANDLES);
        chartBarAt = recent.isEmpty() ? null : recent.getLast().start();
        List<LedgerOrder> orders = trading.orders(false, 500).stream().filter(o -> o.symbol().equals(chosen)).toList();
        chart.show(chart(chosen, recent, orders, trading::fills));
    }

    /**
     * The candles of {@code symbol} with its orders' limit prices, its fills (each at its price and time, asked of
     * {@code fills} only for orders that filled within the candles shown) and its working stops.
     */
    static Chart.Candlestick chart(String symbol, List<CachedBar> recent, List<LedgerOrder> orders,
                                  java.util.function.Function<String, List<io.tradepilot.trading.OrderFill>> fills) {
        List<Chart.Candle> candles = recent.stream().map(b -> new Chart.Candle(b.start(), b.open().doubleValue(),
                b.high().doubleValue(), b.low().doubleValue(), b.close().doubleValue())).toList();
        List<Chart.Marker> markers = new ArrayList<>();
        List<Chart.Level> levels = new ArrayList<>();
        Instant first = recent.isEmpty() ? Instant.MAX : recent.getFirst().start();
        for (LedgerOrder o : orders) {
            boolean buy = "BUY".equals(o.side());
            String qty = plain(o.quantity());
            if (o.working() && o.stopPrice() != null) {
                levels.add(new Chart.Level(o.stopPrice().doubleValue(), "stop " + o.side() + " " + qty + " @ " + plain(o.stopPrice()), "#c62828"));
            } else if (o.working() && o.limitPrice() != null && !o.createdAt().isBefore(first)) {
                markers.add(new Chart.Marker(o.createdAt(), o.limitPrice().doubleValue(), o.side() + " " + qty + " LMT", "#1565c0"));
            }
            if (o.filledQuantity() != null && o.filledQuantity().signum() > 0 && !o.updatedAt().isBefore(first)) {
                for (var f : fills.apply(o.orderId())) {
                    if (f.filledAt().isBefore(first)) continue;
                    markers.add(new Chart.Marker(f.filledAt(), f.price().doubleValue(),
                            (buy ? "bought " : "sold ") + plain(f.quantity()) + " @ " + plain(f.price()), buy ? "#2e7d32" : "#ef6c00"));
                }
            }
        }
        return new Chart.Candlestick(symbol, candles, markers, levels);
    }

    static String change(MarketBoard.Quote q) {
        if (q.change() == null) return "";
        String sign = q.change().signum() > 0 ? "+" : "";
        return sign + plain(q.change()) + (q.changePercent() == null ? "" : " (" + sign + q.changePercent().toPlainString() + " %)");
    }

    /** How old the newest bar is: "no data", or its start and age ("14:31:00, 42 s ago"). */
    static String freshness(MarketBoard.Quote q, Instant now) {
        if (q.lastBarAt() == null) return "no data";
        Duration age = Duration.between(q.lastBarAt(), now);
        String ago = age.isNegative() ? "" : age.toMinutes() >= 1 ? ", " + age.toMinutes() + " min ago" : ", " + age.toSeconds() + " s ago";
        return "last bar " + TIME.format(q.lastBarAt()) + " UTC" + ago;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
