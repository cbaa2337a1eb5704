package io.tradepilot.engine.research;

import java.util.ArrayList;
import java.util.List;

/**
 * Overfitting flags for the best cells of a sweep, from each cell's per-date returns
 * ({@link CellResult#returns()}; a sweep run with {@link SweepSpec#keepingReturns()}).
 *
 * <ul>
 *   <li><b>In-sample vs out-of-sample</b>: the dates are split at {@code isFraction} (the first part in-sample);
 *   each flagged cell's Sharpe ratio on each part, annualised by √periodsPerYear, and the gap IS − OOS. The cell
 *   {@code bestInSample} is the one with the highest in-sample Sharpe: what an optimiser would have chosen.</li>
 *   <li><b>Deflated Sharpe ratio</b> ({@link DeflatedSharpe}) of each flagged cell over all dates: N = the number
 *   of cells with a defined Sharpe ratio, V = the variance (n − 1) of their per-period Sharpe ratios.</li>
 *   <li><b>PBO</b> by CSCV ({@link Cscv}) over all cells with {@code blocks} blocks.</li>
 * </ul>
 */
public final class Overfitting {
    private Overfitting() {}

    /** One flagged cell. Sharpe ratios annualised; {@code dsr} a probability. */
    public record Flag(Cell cell, double sharpe, double sharpeInSample, double sharpeOutOfSample, double gap, double dsr) {}

    public record Report(int trials, double trialSharpeVariance, long observations, int splitIndex, List<Flag> best, Flag bestInSample,
                         Cscv.Result pbo) {}

    /**
     * @param top the flagged cells (e.g. the best few of the sweep by its metric)
     * @throws IllegalArgumentException when the sweep kept no returns
     */
    public static Report analyse(SweepResult sweep, List<CellResult> top, double isFraction, int periodsPerYear, int blocks) {
        if (!(isFraction > 0 && isFraction < 1)) throw new IllegalArgumentException("in-sample fraction must be in (0, 1)");
        List<CellResult> cells = sweep.cells();
        if (cells.isEmpty() || cells.getFirst().returns() == null) throw new IllegalArgumentException("the sweep kept no returns");
        int t = sweep.dates().length;
        int split = (int) Math.round(t * isFraction);
        double annual = Math.sqrt(periodsPerYear);
        double sum = 0, sq = 0;
        int defined = 0;
        double bestIs = Double.NaN;
        CellResult bestIsCell = null;
        for (CellResult c : cells) {
            double s = ReturnStats.of(c.returns()).sharpe();
            if (!Double.isNaN(s)) {
                defined++;
                sum += s;
                sq += s * s;
            }
            double is = ReturnStats.of(c.returns(), 0, split).sharpe();
            if (!Double.isNaN(is) && (bestIsCell == null || is > bestIs)) {
                bestIs = is;
                bestIsCell = c;
            }
        }
        double variance = defined < 2 ? 0 : (sq - sum * sum / defined) / (defined - 1);
        int trials = Math.max(1, defined);
        List<Flag> flags = new ArrayList<>();
        for (CellResult c : top) flags.add(flag(c, split, annual, variance, trials));
        Cscv.Result pbo = null;
        if (cells.size() >= 2 && t >= blocks) {
            double[][] m = new double[cells.size()][];
            for (int k = 0; k < m.length; k++) m[k] = cells.get(k).returns();
            pbo = Cscv.pbo(m, blocks);
        }
        return new Report(trials, variance, t, split, flags, bestIsCell == null ? null : flag(bestIsCell, split, annual, variance, trials), pbo);
    }

    private static Flag flag(CellResult c, int split, double annual, double variance, int trials) {
        double[] r = c.returns();
        ReturnStats all = ReturnStats.of(r);
        double is = ReturnStats.of(r, 0, split).sharpe() * annual, oos = ReturnStats.of(r, split, r.length).sharpe() * annual;
        double dsr = DeflatedSharpe.deflated(all.sharpe(), variance, trials, all.n(), all.skewness(), all.kurtosis());
        return new Flag(c.cell(), all.sharpe() * annual, is, oos, is - oos, dsr);
    }
}
