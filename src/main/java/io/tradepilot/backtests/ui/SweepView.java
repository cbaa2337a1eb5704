package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepReport;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.security.CurrentUser;
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
class SweepView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> METRICS = List.of("sharpe", "sortino", "total_return", "cagr", "max_drawdown", "win_rate", "trades",
            "pnl_net", "exposure");

    private final Sweeps sweeps;
    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    private final Span status = new Span();
    private final ProgressMeter progress = new ProgressMeter();
    private final Button cancel = new Button("Cancel sweep");
    final Select<String> metric = new Select<>();
    final Select<String> x = new Select<>();
    final Select<String> y = new Select<>();
    private final Div result = new Div();
    private long id;
    private boolean shown;

    SweepView(Sweeps sweeps) {
        Polling.whileAttached(this, () -> {
            try {
                SweepInfo s = sweeps.sweep(id);
                update(s);
                return !s.state().terminal();
            } catch (BacktestRefusal gone) {
                return false;
            }
        });
        this.sweeps = sweeps;
        setId("sweep-view");
        status.setId("sweep-status");
        progress.setId("sweep-progress");
        cancel.setId("sweep-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> cancel());
        metric.setId("sweep-metric");
        metric.setLabel("Metric");
        metric.setItems(METRICS);
        metric.setValue("sharpe");
        x.setId("sweep-x");
        x.setLabel("Heatmap x");
        y.setId("sweep-y");
        y.setLabel("Heatmap y");
        result.setWidthFull();
        metric.addValueChangeListener(e -> showResult());
        x.addValueChangeListener(e -> showResult());
        y.addValueChangeListener(e -> showResult());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        result.removeAll();
        shown = false;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            SweepInfo s = sweeps.sweep(id);
            List<String> swept = List.copyOf(s.axes().keySet());
            x.setItems(swept);
            y.setItems(swept);
            x.setValue(swept.getFirst());
            if (swept.size() > 1) y.setValue(swept.get(1));
            y.setVisible(swept.size() > 1);
            x.setVisible(swept.size() > 1);
            add(new H2("Sweep " + s.id() + ": " + s.label()), new Anchor("backtests/sweeps", "All sweeps"),
                    new HorizontalLayout(status, progress, cancel), new HorizontalLayout(metric, x, y), result);
            update(s);
        } catch (NumberFormatException | BacktestRefusal unknown) {
            add(new H2("No such sweep"), new Anchor("backtests/sweeps", "All sweeps"));
        }
    }

    private void update(SweepInfo s) {
        status.setText(s.state() + " · " + s.chunksDone() + " / " + s.chunks() + " chunks · " + s.cells() + " cells"
                + (s.workers().size() > 1 ? " · " + s.workers().size() + " workers" : "") + (s.error() == null ? "" : " · " + s.error()));
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add("badge " + SweepsView.badge(s.state()));
        progress.setValue(s.chunks() == 0 ? 0 : (double) s.chunksDone() / s.chunks());
        cancel.setVisible(operator && !s.state().terminal());
        if (s.state() == RunState.DONE && !shown) {
            shown = true;
            showResult();
        }
    }

    private void showResult() {
        if (!shown) return;
        result.removeAll();
        SweepReport r;
        try {
            r = sweeps.report(id, metric.getValue(), x.getValue(), y.isVisible() ? y.getValue() : null);
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

    private void cancel() {
        try {
            update(sweeps.cancel(id));
            Notification.show("Sweep " + id + " cancelled");
        } catch (BacktestRefusal refusal) {
            Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
