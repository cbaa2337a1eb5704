package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepReport;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One sweep: its state and progress (refreshed every second until it ends), cancel for operators and admins, and
 * when DONE its merged result: a heatmap of the chosen metric over two swept parameters, the best cells with their
 * overfitting flags (Sharpe in and out of sample, their gap, deflated Sharpe ratio) and the probability of backtest
 * overfitting, and every cell in a sortable table. Element ids: {@code sweep-view}, {@code sweep-status}, {@code
 * sweep-progress}, {@code sweep-cancel}, {@code sweep-metric}, {@code sweep-x}, {@code sweep-y}, {@code
 * sweep-heatmap}, {@code sweep-best}, {@code sweep-pbo}, {@code sweep-cells}.
 */
@Route("backtests/sweeps/:id")
@PageTitle("Sweep · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class SweepView extends JobView<SweepInfo> {

    static final List<String> METRICS = List.of("sharpe", "sortino", "total_return", "cagr", "max_drawdown", "win_rate", "trades",
            "pnl_net", "exposure");

    private final Sweeps sweeps;
    final Select<String> metric = new Select<>();
    final Select<String> x = new Select<>();
    final Select<String> y = new Select<>();

    SweepView(Sweeps sweeps) {
        super("sweep", "Sweep", "backtests/sweeps", "All sweeps", sweeps::sweep, sweeps::cancel, SweepInfo::state);
        this.sweeps = sweeps;
        metric.setId("sweep-metric");
        metric.setLabel("Metric");
        metric.setItems(METRICS);
        metric.setValue("sharpe");
        x.setId("sweep-x");
        x.setLabel("Heatmap x");
        y.setId("sweep-y");
        y.setLabel("Heatmap y");
        metric.addValueChangeListener(e -> showResult());
        x.addValueChangeListener(e -> showResult());
        y.addValueChangeListener(e -> showResult());
    }

    @Override
    Progress progressOf(SweepInfo s) {
        return new Progress(s.chunksDone(), s.chunks(), "chunks · " + s.cells() + " cells", s.workers().size(), s.error());
    }

    @Override
    void layout(SweepInfo s, Component statusBar) {
        List<String> swept = List.copyOf(s.axes().keySet());
        x.setItems(swept);
        y.setItems(swept);
        x.setValue(swept.getFirst());
        if (swept.size() > 1) y.setValue(swept.get(1));
        y.setVisible(swept.size() > 1);
        x.setVisible(swept.size() > 1);
        add(new H2("Sweep " + s.id() + ": " + s.label()), listLink(),
                statusBar, new HorizontalLayout(metric, x, y), result);
    }

    @Override
    void showResult() {
        if (!shown()) return;
        result.removeAll();
        SweepReport r;
        try {
            r = sweeps.report(id(), metric.getValue(), x.getValue(), y.isVisible() ? y.getValue() : null);
        } catch (BacktestRefusal refusal) {
            result.add(new Span(refusal.getMessage()));
            return;
        }
        if (r.heatmap() != null) {
            List<Chart.HeatRow> rows = new ArrayList<>();
            SweepReport.Heatmap h = r.heatmap();
            for (int j = h.yValues().size() - 1; j >= 0; j--) {
                List<Chart.HeatCell> cells = new ArrayList<>();
                for (int i = 0; i < h.xValues().size(); i++) {
                    Double v = h.values()[j][i];
                    cells.add(new Chart.HeatCell(h.xAxis() + " " + h.xValues().get(i), v == null ? Double.NaN : v));
                }
                rows.add(new Chart.HeatRow(h.yAxis() + " " + h.yValues().get(j), cells));
            }
            ApexChart chart = new ApexChart(new Chart.SignedHeatmap(h.metric() + " by " + h.xAxis() + " and " + h.yAxis(), rows));
            chart.setId("sweep-heatmap");
            chart.setWidthFull();
            chart.setHeight("26em");
            result.add(chart);
        }
        Span pbo = new Span(r.pbo() == null ? "PBO: not enough data" : String.format(Locale.ROOT, "Probability of backtest overfitting (CSCV, %d "
                + "combinations): %.2f", r.pboCombinations(), r.pbo()));
        pbo.setId("sweep-pbo");
        Grid<SweepReport.Flag> best = new Grid<>(SweepReport.Flag.class, false);
        best.setId("sweep-best");
        best.addColumn(SweepReport.Flag::index).setHeader("Cell").setAutoWidth(true);
        best.addColumn(f -> f.params().toString()).setHeader("Parameters").setAutoWidth(true);
        best.addColumn(f -> fmt(f.sharpe())).setHeader("Sharpe").setAutoWidth(true);
        best.addColumn(f -> fmt(f.sharpeInSample())).setHeader("Sharpe IS").setAutoWidth(true);
        best.addColumn(f -> fmt(f.sharpeOutOfSample())).setHeader("Sharpe OOS").setAutoWidth(true);
        best.addColumn(f -> fmt(f.gap())).setHeader("IS − OOS").setAutoWidth(true);
        best.addColumn(f -> fmt(f.dsr())).setHeader("DSR").setAutoWidth(true);
        best.setItems(r.best());
        best.setAllRowsVisible(true);
        Grid<SweepReport.Cell> cells = new Grid<>(SweepReport.Cell.class, false);
        cells.setId("sweep-cells");
        cells.addColumn(SweepReport.Cell::index).setHeader("Cell").setSortable(true).setComparator(SweepReport.Cell::index).setAutoWidth(true);
        for (String p : r.parameters()) {
            cells.addColumn(c -> c.params().get(p)).setHeader(p).setAutoWidth(true)
                    .setComparator(Comparator.comparing(c -> number(c.params().get(p))));
        }
        for (String m : METRICS) {
            cells.addColumn(c -> fmt(c.metrics().get(m))).setHeader(m).setAutoWidth(true)
                    .setComparator(Comparator.comparing(c -> c.metrics().get(m), Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        cells.addColumn(c -> c.pnlNet().toPlainString()).setHeader("Net P&L").setAutoWidth(true).setComparator(SweepReport.Cell::pnlNet);
        cells.setItems(r.cells());
        cells.setHeight("30em");
        result.add(new H3("Best cells by " + r.metric()), pbo, best, new H3("All cells"), cells);
    }

    private static java.math.BigDecimal number(String v) {
        try {
            return new java.math.BigDecimal(v);
        } catch (RuntimeException e) {
            return java.math.BigDecimal.ZERO;
        }
    }

    private static String fmt(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }
}
