package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.backtests.WalkForwardReport;
import io.tradepilot.backtests.WalkForwards;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One walk-forward: its state and progress (refreshed every second until it ends), cancel for operators and admins,
 * and when DONE its result per symbol: the walk-forward efficiency, the OOS net P&L and final equity, the stitched
 * out-of-sample equity chart, and per window the chosen parameters with the in-sample and out-of-sample figures.
 * Element ids: {@code walkforward-view}, {@code walkforward-status}, {@code walkforward-progress}, {@code
 * walkforward-cancel}, per symbol {@code walkforward-summary-<symbol>}, {@code walkforward-equity-<symbol>}, {@code
 * walkforward-windows-<symbol>}.
 */
@Route("backtests/walkforwards/:id")
@PageTitle("Walk-forward · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class WalkForwardView extends JobView<WalkForwardInfo> {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private final WalkForwards walkForwards;

    WalkForwardView(WalkForwards walkForwards) {
        super("walkforward", "Walk-forward", "backtests/walkforwards", "All walk-forwards", walkForwards::walkForward, walkForwards::cancel,
                WalkForwardInfo::state);
        this.walkForwards = walkForwards;
    }

    @Override
    Progress progressOf(WalkForwardInfo w) {
        return new Progress(w.windowsDone(), w.windows(), "windows", w.workers().size(), w.error());
    }

    @Override
    void layout(WalkForwardInfo w, Component statusBar) {
        add(new H2("Walk-forward " + w.id() + ": " + w.label()), listLink(),
                new Span(w.strategyType() + " · optimising " + w.axes() + " by " + w.metric() + " · in sample " + w.isBars() + " bars ("
                        + (w.anchored() ? "anchored" : "rolling") + "), out of sample " + w.oosBars() + " bars · " + w.cells() + " cells per window"),
                statusBar, result);
    }

    @Override
    void showResult() {
        result.removeAll();
        WalkForwardReport r;
        try {
            r = walkForwards.report(id());
        } catch (BacktestRefusal refusal) {
            result.add(new Span(refusal.getMessage()));
            return;
        }
        for (WalkForwardReport.SymbolWalk walk : r.symbols()) {
            Span summary = new Span(String.format(Locale.ROOT, "Walk-forward efficiency %s · out-of-sample net P&L %s · final equity %s · %d windows",
                    walk.efficiency() == null ? "– (the in-sample P&L is not positive)" : String.format(Locale.ROOT, "%.3f", walk.efficiency()),
                    walk.oosPnlNet().toPlainString(), walk.finalEquity().toPlainString(), walk.windows().size()));
            summary.setId("walkforward-summary-" + walk.symbol());
            List<Chart.TimePoint> points = new ArrayList<>();
            for (WalkForwardReport.EquityPoint p : walk.equity()) points.add(new Chart.TimePoint(p.time(), p.equity().doubleValue()));
            ApexChart equity = new ApexChart(new Chart.Line("Stitched out-of-sample equity, " + walk.symbol(),
                    List.of(new Chart.Series<>(walk.symbol(), Chart.breakAtGaps(points))), false, "Equity"));
            equity.setId("walkforward-equity-" + walk.symbol());
            equity.setWidthFull();
            equity.setHeight("20em");
            Grid<WalkForwardReport.Window> windows = new Grid<>(WalkForwardReport.Window.class, false);
            windows.setId("walkforward-windows-" + walk.symbol());
            windows.addColumn(WalkForwardReport.Window::index).setHeader("Window").setAutoWidth(true);
            windows.addColumn(w -> day(w.isFirst()) + " – " + day(w.isLast())).setHeader("In sample").setAutoWidth(true);
            windows.addColumn(w -> day(w.oosFirst()) + " – " + day(w.oosLast())).setHeader("Out of sample").setAutoWidth(true);
            for (String p : r.parameters()) windows.addColumn(w -> w.params().get(p)).setHeader(p).setAutoWidth(true);
            windows.addColumn(w -> fmt(w.isObjective())).setHeader("IS " + r.walkForward().metric()).setAutoWidth(true);
            windows.addColumn(w -> w.isPnlNet().toPlainString()).setHeader("IS net P&L").setAutoWidth(true);
            windows.addColumn(w -> fmt(w.isMetrics(), "sharpe")).setHeader("IS Sharpe").setAutoWidth(true);
            windows.addColumn(w -> w.oosPnlNet().toPlainString()).setHeader("OOS net P&L").setAutoWidth(true);
            windows.addColumn(WalkForwardReport.Window::oosTrades).setHeader("OOS trades").setAutoWidth(true);
            windows.addColumn(w -> fmt(w.oosMetrics(), "sharpe")).setHeader("OOS Sharpe").setAutoWidth(true);
            windows.addColumn(w -> fmt(w.oosMetrics(), "total_return")).setHeader("OOS return").setAutoWidth(true);
            windows.addColumn(w -> fmt(w.oosMetrics(), "max_drawdown")).setHeader("OOS max drawdown").setAutoWidth(true);
            windows.setItems(walk.windows());
            windows.setAllRowsVisible(true);
            result.add(new H3(walk.symbol()), summary, equity, windows);
        }
    }

    private static String day(Instant t) {
        return t.atZone(ZONE).toLocalDate().toString();
    }

    private static String fmt(Map<String, Double> metrics, String key) {
        return fmt(metrics.get(key));
    }

    private static String fmt(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }
}
