package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two or more finished runs side by side ({@code ?ids=1,2,...}): the metrics of every run's symbols in one table and
 * their equity curves overlaid. Element ids: {@code backtest-compare-view}, {@code compare-metrics}, {@code compare-equity}.
 */
@Route("backtests/compare")
@PageTitle("Compare backtests · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class BacktestCompareView extends VerticalLayout implements BeforeEnterObserver {

    private final Backtests backtests;

    BacktestCompareView(Backtests backtests) {
        this.backtests = backtests;
        setId("backtest-compare-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : event.getLocation().getQueryParameters().getSingleParameter("ids").orElse("").split(",")) {
            try {
                if (!part.isBlank()) ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException ignored) {
                // not an id: left out
            }
        }
        List<RunResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (long id : ids) {
            try {
                results.add(backtests.result(id));
            } catch (BacktestRefusal refusal) {
                problems.add(refusal.getMessage());
            }
        }
        add(new H2("Compare backtests"), new Anchor("backtests", "All backtests"));
        problems.forEach(p -> add(new Paragraph(p)));
        if (results.size() < 2) {
            add(new Paragraph("Choose two or more finished runs on the backtests page."));
            return;
        }
        Grid<MetricRows.Row> metrics = new Grid<>();
        metrics.setId("compare-metrics");
        metrics.setAllRowsVisible(true);
        metrics.addColumn(MetricRows.Row::name).setHeader("Metric").setAutoWidth(true);
        List<Chart.Series<Chart.TimePoint>> curves = new ArrayList<>();
        for (RunResult r : results) {
            for (SymbolResult s : r.symbols()) {
                String name = "#" + r.run().id() + " " + s.symbol();
                metrics.addColumn(row -> row.value().apply(s)).setHeader(name).setAutoWidth(true);
                curves.add(new Chart.Series<>(name, MetricRows.points(r.equity().getOrDefault(s.symbol(), List.of()))));
            }
        }
        metrics.setItems(MetricRows.ROWS);
        ApexChart equity = new ApexChart(new Chart.Line("Equity curves", curves, false, "Equity"));
        equity.setId("compare-equity");
        equity.setWidthFull();
        for (RunResult r : results) {
            add(new Paragraph("#" + r.run().id() + ": " + r.run().label() + " · " + r.run().from() + " to " + r.run().to() + " · data "
                    + r.run().dataFingerprint().substring(0, 12)));
        }
        add(new Paragraph(MetricRows.CONVENTIONS), metrics, equity);
    }
}
