package io.tradepilot.engine.research;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A cell's figure over all its series, for the table, heatmaps and optimisation. Per-series figures are the
 * engine's {@link io.tradepilot.engine.backtest.Metrics}; a cell over several series (independent single-symbol
 * runs, not a portfolio) combines them as stated per constant. Undefined per-series values (NaN) are left out of
 * means; a mean of nothing is NaN.
 */
public enum SweepMetric {
    /** Mean over series of the annualised Sharpe ratio. */
    SHARPE("sharpe", true),
    /** Mean over series of the annualised Sortino ratio. */
    SORTINO("sortino", true),
    /** Mean over series of the total return (final equity / initial cash − 1). */
    TOTAL_RETURN("total_return", true),
    /** Mean over series of the CAGR. */
    CAGR("cagr", true),
    /** Largest max drawdown (fraction) over series. */
    MAX_DRAWDOWN("max_drawdown", false),
    /** Winning round trips / round trips, pooled over series (net of fees). */
    WIN_RATE("win_rate", true),
    /** Round trips, summed over series. */
    TRADES("trades", true),
    /** Net P&L (final equity − initial cash), summed over series. */
    PNL_NET("pnl_net", true),
    /** Mean over series of the fraction of bars in the market. */
    EXPOSURE("exposure", true);

    private final String key;
    private final boolean higherIsBetter;

    SweepMetric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    public String key() { return key; }
    public boolean higherIsBetter() { return higherIsBetter; }

    /** The metric named {@code key} (e.g. {@code sharpe}); refuses an unknown one listing the known. */
    public static SweepMetric of(String key) {
        for (SweepMetric m : values()) if (m.key.equals(key.toLowerCase(Locale.ROOT))) return m;
        throw new IllegalArgumentException("unknown metric '" + key + "' (known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(SweepMetric::key).toList()) + ")");
    }

    /** This metric of one cell's per-series outcomes. */
    public double of(List<SeriesOutcome> series) {
        return switch (this) {
            case SHARPE -> mean(series, s -> s.metrics().sharpe());
            case SORTINO -> mean(series, s -> s.metrics().sortino());
            case TOTAL_RETURN -> mean(series, s -> s.metrics().totalReturn());
            case CAGR -> mean(series, s -> s.metrics().cagr());
            case MAX_DRAWDOWN -> series.stream().mapToDouble(s -> s.metrics().maxDrawdown()).max().orElse(Double.NaN);
            case WIN_RATE -> {
                long trades = series.stream().mapToLong(SeriesOutcome::trades).sum();
                yield trades == 0 ? Double.NaN : (double) series.stream().mapToLong(SeriesOutcome::wins).sum() / trades;
            }
            case TRADES -> series.stream().mapToLong(SeriesOutcome::trades).sum();
            case PNL_NET -> series.stream().map(SeriesOutcome::pnlNet).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).doubleValue();
            case EXPOSURE -> mean(series, s -> s.metrics().exposureTime());
        };
    }

    /** {@code a} is better than {@code b} for this metric (NaN is worse than anything). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return higherIsBetter ? a > b : a < b;
    }

    private static double mean(List<SeriesOutcome> series, ToDoubleFunction<SeriesOutcome> f) {
        double sum = 0;
        int n = 0;
        for (SeriesOutcome s : series) {
            double v = f.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
