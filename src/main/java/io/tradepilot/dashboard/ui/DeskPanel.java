package io.tradepilot.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.dashboard.DeskFrame;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live-trading part of the dashboard, drawn from one {@link DeskFrame}: mode, engine role and state,
 * market time, each exchange's session, the account figures (equity, day P&amp;L, heat, room to the daily
 * loss limit), the equity curve, the daily P&amp;L and the open positions. Element ids: {@code mode-badge},
 * {@code engine-role}, {@code engine-state}, {@code market-time}, {@code desk-notice},
 * {@code market-<exchange>} (lower case), {@code figure-<name>}, {@code equity-chart},
 * {@code daily-pnl-chart}, {@code dashboard-positions}.
 */
class DeskPanel extends VerticalLayout {

    private static final DateTimeFormatter MARKET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Span mode = new Span();
    final Span role = new Span();
    final Span engineState = new Span();
    final Span marketTime = new Span();
    final Div notice = new Div();
    final FlexLayout markets = new FlexLayout();
    final Map<String, Span> figures = new LinkedHashMap<>();
    final ApexChart equityChart = new ApexChart();
    final ApexChart dailyPnlChart = new ApexChart();
    final Grid<DeskFrame.Position> positions = new Grid<>();
    private static volatile Drawn lastEquity;
    private static volatile Drawn lastDailyPnl;
    private String currency = "";
    private DeskFrame shown;

    DeskPanel() {
        setPadding(false);
        setWidthFull();
        setId("desk");
        mode.setId("mode-badge");
        mode.getElement().getThemeList().add("badge success primary");
        role.setId("engine-role");
        role.getElement().getThemeList().add("badge contrast");
        engineState.setId("engine-state");
        engineState.getElement().getThemeList().add("badge");
        marketTime.setId("market-time");
        notice.setId("desk-notice");
        notice.setVisible(false);
        notice.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-warning-color-10pct, var(--lumo-contrast-10pct))")
                .set("border-radius", "var(--lumo-border-radius-m)").set("font-weight", "600");
        var status = new FlexLayout(mode, label("Engine"), role, engineState, label("Market time"), marketTime);
        status.setAlignItems(Alignment.CENTER);
        status.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        status.getStyle().set("gap", "var(--lumo-space-s)");
        markets.setId("markets");
        markets.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        markets.getStyle().set("gap", "var(--lumo-space-m)");

        var tiles = new FlexLayout();
        tiles.setId("figures");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        for (String[] f : List.of(new String[]{"equity", "Equity"}, new String[]{"day-pnl", "Day P&L"},
                new String[]{"unrealized", "Unrealized P&L"}, new String[]{"realized", "Realized P&L"},
                new String[]{"cash", "Cash"}, new String[]{"exposure", "Gross exposure"},
                new String[]{"heat", "Heat (open risk ÷ equity)"}, new String[]{"loss-room", "Room to daily loss limit"},
                new String[]{"drawdown", "Drawdown"}, new String[]{"working-orders", "Working orders"})) {
            Span value = new Span();
            value.setId("figure-" + f[0]);
            value.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "700").set("white-space", "pre-line");
            figures.put(f[0], value);
            var tile = new VerticalLayout(label(f[1]), value);
            tile.setSpacing(false);
            tile.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set("border-radius", "var(--lumo-border-radius-l)").set("flex", "1 1 12rem");
            tiles.add(tile);
        }

        equityChart.setId("equity-chart");
        equityChart.setHeight("260px");
        dailyPnlChart.setId("daily-pnl-chart");
        dailyPnlChart.setHeight("220px");

        positions.setId("dashboard-positions");
        positions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        positions.setAllRowsVisible(true);
        positions.addColumn(DeskFrame.Position::symbol).setHeader("Symbol").setAutoWidth(true);
        positions.addColumn(p -> Amounts.quantity(p.quantity())).setHeader("Qty").setAutoWidth(true);
        positions.addColumn(p -> Amounts.price(p.averagePrice())).setHeader("Avg price").setAutoWidth(true);
        positions.addColumn(p -> Amounts.price(p.mark())).setHeader("Mark").setAutoWidth(true);
        positions.addColumn(p -> Amounts.signedMoney(p.unrealizedPnl(), currency)).setHeader("Unrealized").setAutoWidth(true);
        positions.addColumn(p -> Amounts.signedMoney(p.realizedPnl(), currency)).setHeader("Realized").setAutoWidth(true);

        add(status, notice, markets, tiles, new H3("Equity"), equityChart, new H3("Daily P&L"), dailyPnlChart,
                new H3("Open positions"), positions);
    }

    private static Span label(String text) {
        Span label = new Span(text);
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return label;
    }

    /** Shows {@code frame}; an equal frame changes nothing. */
    void show(DeskFrame frame) {
        if (frame.equals(shown)) return;
        DeskFrame previous = shown;
        shown = frame;
        currency = frame.currency();
        ShownText.show(mode, frame.mode());
        ShownText.show(role, frame.role());
        boolean running = "RUNNING".equals(frame.engineState());
        ShownText.show(engineState, frame.engineState() == null ? "—" : frame.engineState()
                + (running || frame.stateReason() == null || frame.stateReason().isBlank() ? "" : " (" + frame.stateReason() + ")"));
        engineState.getElement().getThemeList().set("error", frame.engineState() != null && !"RUNNING".equals(frame.engineState()));
        ShownText.show(marketTime, frame.marketTime() == null ? "no bar yet" : MARKET_TIME.format(frame.marketTime()));
        ShownText.show(notice, frame.notice() == null ? "" : frame.notice());
        notice.setVisible(frame.notice() != null);

        if (previous == null || !previous.markets().equals(frame.markets())) showMarkets(frame.markets());

        String c = frame.currency();
        ShownText.show(figures.get("equity"), Amounts.money(frame.equity(), c));
        ShownText.show(figures.get("day-pnl"), Amounts.signedMoney(frame.dayPnl(), c));
        ShownText.show(figures.get("unrealized"), Amounts.signedMoney(frame.unrealizedPnl(), c));
        ShownText.show(figures.get("realized"), Amounts.signedMoney(frame.realizedPnl(), c));
        ShownText.show(figures.get("cash"), Amounts.money(frame.cash(), c));
        ShownText.show(figures.get("exposure"), Amounts.money(frame.grossExposure(), c));
        ShownText.show(figures.get("heat"), frame.heat() == null ? Amounts.NONE
                : Amounts.percent(frame.heat()) + "\n" + Amounts.money(frame.openRisk(), c) + " at risk");
        figures.get("heat").getElement().setAttribute("title",
                "Open risk: to each position's protective stop; a position without a stop counts its whole exposure");
        ShownText.show(figures.get("loss-room"), frame.live() && frame.dailyLossLimit() == null ? "limit off"
                : frame.lossRoom() == null ? Amounts.NONE
                : Amounts.money(frame.lossRoom(), c) + "\n" + Amounts.percent(frame.lossRoomShare())
                        + " of day-start equity (limit " + Amounts.percent(frame.dailyLossLimit()) + ")");
        figures.get("loss-room").getStyle().set("color", frame.lossRoom() != null && frame.lossRoom().signum() <= 0
                ? "var(--lumo-error-text-color)" : null);
        ShownText.show(figures.get("drawdown"), Amounts.percent(frame.drawdown()));
        ShownText.show(figures.get("working-orders"), String.valueOf(frame.workingOrders()));

        if (previous == null || !previous.positions().equals(frame.positions()) || !frame.currency().equals(previous.currency())) {
            positions.setItems(frame.positions());
        }
        if (previous == null || !previous.equityCurve().equals(frame.equityCurve())) {
            equityChart.show(equityChart(frame));
        }
        if (previous == null || !previous.dailyPnl().equals(frame.dailyPnl())) {
            dailyPnlChart.show(dailyPnlChart(frame));
        }
    }

    /**
     * The frame's equity chart. Every open dashboard is handed the same frame instance, so the chart is built once
     * per frame (and {@link ApexChart#show} writes its JSON once), not once per session.
     */
    private static Chart equityChart(DeskFrame frame) {
        Drawn drawn = lastEquity;
        if (drawn == null || drawn.frame() != frame) {
            String c = frame.currency();
            drawn = new Drawn(frame, new Chart.Line(null, List.of(new Chart.Series<>("Equity (" + c + ")", Chart.breakAtGaps(
                    frame.equityCurve().stream().map(p -> new Chart.TimePoint(p.at(), p.equity().doubleValue())).toList()),
                    "#1e88e5")), false, c));
            lastEquity = drawn;
        }
        return drawn.chart();
    }

    /** The frame's daily P&amp;L chart, built once per frame like {@link #equityChart}. */
    private static Chart dailyPnlChart(DeskFrame frame) {
        Drawn drawn = lastDailyPnl;
        if (drawn == null || drawn.frame() != frame) {
            String c = frame.currency();
            drawn = new Drawn(frame, new Chart.SignedBar(null, frame.dailyPnl().stream().map(d -> d.day().toString()).toList(),
                    "Day P&L (" + c + ")", frame.dailyPnl().stream().map(d -> d.pnl().doubleValue()).toList(), false));
            lastDailyPnl = drawn;
        }
        return drawn.chart();
    }

    /** A chart built from a frame (the frame by identity). */
    private record Drawn(DeskFrame frame, Chart chart) {
    }

    private void showMarkets(List<DeskFrame.Market> shownMarkets) {
        markets.removeAll();
        for (DeskFrame.Market m : shownMarkets) {
            Span state = new Span(m.exchange() + " " + (m.open() ? "OPEN" : "CLOSED"));
            state.getElement().getThemeList().add(m.open() ? "badge success" : "badge contrast");
            Span detail = new Span(m.detail());
            detail.getStyle().set("color", "var(--lumo-secondary-text-color)");
            var box = new Div(state, new Span(" "), detail);
            box.setId("market-" + m.exchange().toLowerCase(java.util.Locale.ROOT));
            box.getElement().setAttribute("data-open", String.valueOf(m.open()));
            markets.add(box);
        }
    }
}
