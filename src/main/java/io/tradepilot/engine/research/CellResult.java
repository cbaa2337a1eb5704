package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.BacktestResult;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cell of a sweep over every series.
 *
 * @param kernel  computed by the exact sma-cross kernel ({@link SmaCrossKernel}); false: by the engine
 * @param series  per series, in the sweep's series order
 * @param results the full results per series when the sweep kept them, else null
 * @param returns when the sweep kept them: per date of {@link SweepResult#dates()}, the mean over the series
 *                having a bar that date of their per-bar equity return ({@code e_t / e_{t−1} − 1}, the first bar
 *                against the initial cash: the returns {@code Metrics} uses); else null
 */
public record CellResult(Cell cell, boolean kernel, List<SeriesOutcome> series, List<BacktestResult> results, double[] returns) {

    public double metric(SweepMetric m) {
        return m.of(series);
    }

    /** Net P&L over all series, exact. */
    public BigDecimal pnlNet() {
        return series.stream().map(SeriesOutcome::pnlNet).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Fees over all series, exact. */
    public BigDecimal fees() {
        return series.stream().map(SeriesOutcome::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
