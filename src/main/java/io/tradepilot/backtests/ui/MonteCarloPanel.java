package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.RunMonteCarlo;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.engine.research.MonteCarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Monte Carlo section of a DONE run's page: method, simulations (1 to {@link RunMonteCarlo#MAX_SIMULATIONS}) and
 * seed (default {@link RunMonteCarlo#DEFAULT_SEED}, shown), then the percentiles (min, 5, 50, 95, max) of the final
 * equity, maximum drawdown and longest losing streak and the distributions of the final equity and maximum drawdown.
 * A bad input is a field message. Element ids: {@code backtest-mc}, {@code backtest-mc-method}, {@code
 * backtest-mc-simulations}, {@code backtest-mc-seed}, {@code backtest-mc-run}, {@code backtest-mc-summary}, {@code
 * backtest-mc-percentiles}, {@code backtest-mc-equity}, {@code backtest-mc-drawdown}.
 */
class MonteCarloPanel extends Div {

    private final RunResult result;
    final Select<MonteCarlo.Method> method = new Select<>();
    final TextField simulations = new TextField("Simulations");
    final TextField seed = new TextField("Seed");
    final Button run = new Button("Simulate");
    private final Div output = new Div();

    MonteCarloPanel(RunResult result) {
        this.result = result;
        setId("backtest-mc");
        setWidthFull();
        method.setLabel("Method");
        method.setId("backtest-mc-method");
        method.setItems(MonteCarlo.Method.values());
        method.setItemLabelGenerator(m -> m == MonteCarlo.Method.RESHUFFLE ? "Reshuffle (trade order)" : "Bootstrap (with replacement)");
        method.setValue(MonteCarlo.Method.RESHUFFLE);
        simulations.setId("backtest-mc-simulations");
        simulations.setValue(String.valueOf(RunMonteCarlo.DEFAULT_SIMULATIONS));
        simulations.setHelperText("1 to " + RunMonteCarlo.MAX_SIMULATIONS);
        seed.setId("backtest-mc-seed");
        seed.setValue(String.valueOf(RunMonteCarlo.DEFAULT_SEED));
        seed.setHelperText("Same seed, same figures");
        run.setId("backtest-mc-run");
        run.addClickListener(e -> simulate());
        output.setWidthFull();
        HorizontalLayout inputs = new HorizontalLayout(method, simulations, seed, run);
        inputs.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(new H3("Monte Carlo"), new Paragraph("The trades' net P&L (every symbol pooled in exit order on one account with the symbols' "
                + "cash added up), reshuffled or drawn with replacement."), inputs, output);
        if (!result.trades().isEmpty()) simulate();
        else output.add(new Paragraph("No closed trade to simulate."));
    }

    /** Runs the simulation with the fields' values; false (with a field message) when an input is invalid. */
    boolean simulate() {
        simulations.setInvalid(false);
        seed.setInvalid(false);
        int n;
        long s;
        try {
            n = Integer.parseInt(simulations.getValue().trim());
        } catch (NumberFormatException e) {
            return invalid(simulations, "A whole number from 1 to " + RunMonteCarlo.MAX_SIMULATIONS);
        }
        try {
            s = Long.parseLong(seed.getValue().trim());
        } catch (NumberFormatException e) {
            return invalid(seed, "A whole number");
        }
        RunMonteCarlo mc;
        try {
            mc = RunMonteCarlo.of(result, method.getValue() == null ? MonteCarlo.Method.RESHUFFLE : method.getValue(), n, s);
        } catch (BacktestRefusal r) {
            if ("simulations".equals(r.field())) return invalid(simulations, r.getMessage());
            output.removeAll();
            output.add(new Paragraph(r.getMessage()));
            return false;
        }
        show(mc);
        return true;
    }

    private static boolean invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    /** One row of the percentile table. */
    record Row(String figure, String min, String p5, String p50, String p95, String max) {
    }

    static List<Row> rows(RunMonteCarlo mc) {
        List<Row> rows = new ArrayList<>();
        rows.add(money("Final equity", mc.finalEquity()));
        rows.add(money("Max drawdown", mc.maxDrawdown()));
        MonteCarlo.Stat f = mc.maxDrawdownFraction();
        rows.add(new Row("Max drawdown (% of peak)", MetricRows.pct(f.min()), MetricRows.pct(f.p5()), MetricRows.pct(f.p50()),
                MetricRows.pct(f.p95()), MetricRows.pct(f.max())));
        MonteCarlo.Stat l = mc.longestLosingStreak();
        rows.add(new Row("Longest losing streak (trades)", whole(l.min()), whole(l.p5()), whole(l.p50()), whole(l.p95()), whole(l.max())));
        return rows;
    }

    private static Row money(String name, MonteCarlo.Money m) {
        return new Row(name, MetricRows.plain(m.min()), MetricRows.plain(m.p5()), MetricRows.plain(m.p50()), MetricRows.plain(m.p95()),
                MetricRows.plain(m.max()));
    }

    private static String whole(double v) {
        return String.valueOf((long) v);
    }

    private void show(RunMonteCarlo mc) {
        output.removeAll();
        Paragraph summary = new Paragraph(mc.simulations() + " " + mc.method() + " simulations of " + mc.trades() + " trades, seed " + mc.seed()
                + ", initial cash " + MetricRows.plain(mc.initialCash()));
        summary.setId("backtest-mc-summary");
        Grid<Row> grid = new Grid<>();
        grid.setId("backtest-mc-percentiles");
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::figure).setHeader("Figure").setAutoWidth(true);
        grid.addColumn(Row::min).setHeader("Min").setAutoWidth(true);
        grid.addColumn(Row::p5).setHeader("5th").setAutoWidth(true);
        grid.addColumn(Row::p50).setHeader("50th").setAutoWidth(true);
        grid.addColumn(Row::p95).setHeader("95th").setAutoWidth(true);
        grid.addColumn(Row::max).setHeader("Max").setAutoWidth(true);
        grid.setItems(rows(mc));
        ApexChart equity = new ApexChart(histogram("Final equity distribution", mc.finalEquityHistogram()));
        equity.setId("backtest-mc-equity");
        equity.setWidthFull();
        ApexChart drawdown = new ApexChart(histogram("Max drawdown distribution", mc.maxDrawdownHistogram()));
        drawdown.setId("backtest-mc-drawdown");
        drawdown.setWidthFull();
        output.add(summary, grid, equity, drawdown);
    }

    static Chart.Bar histogram(String title, RunMonteCarlo.Histogram h) {
        List<String> categories = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int i = 0; i < h.counts().size(); i++) {
            categories.add(String.format(Locale.ROOT, "%,.0f", h.edge(i)));
            counts.add(h.counts().get(i).doubleValue());
        }
        return new Chart.Bar(title, categories, List.of(new Chart.Series<>("Simulations", counts, null)), false, true);
    }
}
