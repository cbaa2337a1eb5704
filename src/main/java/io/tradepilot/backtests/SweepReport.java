package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A DONE sweep's merged result ({@code SweepResult.merge} of its chunks): every cell with its figures (null where a
 * figure is undefined), the best cells by {@code metric} with their overfitting flags, the probability of backtest
 * overfitting, and a heatmap of {@code metric} over two swept parameters (null when fewer than two are swept).
 */
public record SweepReport(SweepInfo sweep, String metric, List<String> parameters, List<Cell> cells, List<Flag> best, Double pbo,
                          Integer pboCombinations, Heatmap heatmap) {

    /** One cell over all symbols: metric key to value ({@code sharpe}, {@code total_return}, ...). */
    public record Cell(int index, Map<String, String> params, Map<String, Double> metrics, BigDecimal pnlNet, BigDecimal fees, long trades) {
    }

    /**
     * A best cell's overfitting flags: its Sharpe (annualised) over the whole range, in sample and out of sample, the
     * gap between them, and the deflated Sharpe ratio (a probability).
     */
    public record Flag(int index, Map<String, String> params, Double sharpe, Double sharpeInSample, Double sharpeOutOfSample, Double gap,
                       Double dsr) {
    }

    /** {@code values[y][x]}: the best cell's metric at each pair (null: no cell or undefined). */
    public record Heatmap(String metric, String xAxis, List<String> xValues, String yAxis, List<String> yValues, Double[][] values) {
    }
}
