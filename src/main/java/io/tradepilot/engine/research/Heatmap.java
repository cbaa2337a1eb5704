package io.tradepilot.engine.research;

import java.util.Arrays;
import java.util.List;

/**
 * A metric over two swept parameters, ready for a heatmap: {@code values[y][x]} for the {@code y}-th value of
 * {@code yAxis} and the {@code x}-th of {@code xAxis} (axis value order). A combination that is not a cell (refused
 * by a rule, or not drawn by a random sweep) is NaN; with more than two swept parameters a point holds the best
 * value over the others (by the metric's direction).
 */
public record Heatmap(SweepMetric metric, String xAxis, List<String> xValues, String yAxis, List<String> yValues, double[][] values) {

    /** Refuses an axis that is not swept, or the same axis twice. */
    public static Heatmap of(SweepResult sweep, SweepMetric metric, String xAxis, String yAxis) {
        if (xAxis.equals(yAxis)) throw new IllegalArgumentException("heatmap axes must differ: " + xAxis);
        ParameterAxis x = axis(sweep, xAxis), y = axis(sweep, yAxis);
        double[][] v = new double[y.values().size()][x.values().size()];
        for (double[] row : v) Arrays.fill(row, Double.NaN);
        for (CellResult c : sweep.cells()) {
            int xi = x.values().indexOf(c.cell().params().get(xAxis)), yi = y.values().indexOf(c.cell().params().get(yAxis));
            double m = c.metric(metric);
            if (metric.better(m, v[yi][xi])) v[yi][xi] = m;
        }
        return new Heatmap(metric, xAxis, x.values(), yAxis, y.values(), v);
    }

    private static ParameterAxis axis(SweepResult sweep, String name) {
        return sweep.space().axes().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a swept parameter (swept: "
                        + String.join(", ", sweep.space().axes().stream().map(ParameterAxis::name).toList()) + ")"));
    }
}
