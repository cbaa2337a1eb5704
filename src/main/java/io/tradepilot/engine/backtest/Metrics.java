package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;

/**
 * Performance statistics of a backtest, as doubles; {@code NaN} where undefined (no trades, zero
 * variance, no losses for the profit factor, no known stops for average R).
 *
 * <ul>
 *   <li>totalReturn: finalEquity / initialCash - 1</li>
 *   <li>cagr: (finalEquity / initialCash)^(1 / years) - 1, years from first to last bar (365.25 days)</li>
 *   <li>sharpe: mean / sample std of per-bar returns x sqrt(periodsPerYear), risk-free rate 0</li>
 *   <li>sortino: mean / sqrt(mean(min(r, 0)^2)) x sqrt(periodsPerYear)</li>
 *   <li>maxDrawdown: largest (peak - equity) / peak, the peak starting at initial cash, as a fraction</li>
 *   <li>maxDrawdownDurationBars / Days: longest time from a peak until equity regains it (or the end)</li>
 *   <li>winRate, profitFactor (gross wins / gross losses), expectancy (mean net P&L): over closed round
 *       trips, net of fees</li>
 *   <li>averageR: mean net P&L / initial risk over trades whose entry had a protective stop</li>
 *   <li>exposureTime: fraction of bars with an open position</li>
 * </ul>
 */
public record Metrics(double totalReturn, double cagr, double sharpe, double sortino, double maxDrawdown,
                      int maxDrawdownDurationBars, double maxDrawdownDurationDays, double winRate, double profitFactor,
                      double expectancy, double averageR, double exposureTime, int tradeCount) {

    static Metrics of(BacktestResult r) {
        int n = r.bars();
        int inMarket = r.barsInMarket();
        return of(r.config().initialCash().doubleValue(), r.equityValues(), r.data().startMillis(), r.finalEquity().doubleValue(),
                r.config().periodsPerYear(), r.trades(), inMarket);
    }

    /**
     * The statistics of an equity curve.
     *
     * @param e        equity after each step (bar, or time step of a portfolio)
     * @param t        each step's start time, epoch milliseconds
     * @param inMarket steps with an open position (exposure time)
     */
    static Metrics of(double initial, double[] e, long[] t, double finalEquity, int periodsPerYear, java.util.List<RoundTrip> tradeList, int inMarket) {
        int n = e.length;
        double totalReturn = finalEquity / initial - 1;
        double cagr = Double.NaN;
        if (n > 1) {
            double years = (t[n - 1] - t[0]) / (365.25 * 86_400_000d);
            if (years > 0) cagr = finalEquity <= 0 ? -1 : Math.pow(finalEquity / initial, 1 / years) - 1;
        }
        double sum = 0, sumSq = 0, downSq = 0;
        double prev = initial;
        for (int i = 0; i < n; i++) {
            double ret = prev == 0 ? 0 : e[i] / prev - 1;
            sum += ret;
            sumSq += ret * ret;
            if (ret < 0) downSq += ret * ret;
            prev = e[i];
        }
        double sharpe = Double.NaN, sortino = Double.NaN;
        double annual = Math.sqrt(periodsPerYear);
        if (n > 1) {
            double mean = sum / n;
            double var = (sumSq - n * mean * mean) / (n - 1);
            if (var > 1e-30) sharpe = mean / Math.sqrt(var) * annual;
            double down = Math.sqrt(downSq / n);
            if (down > 0) sortino = mean / down * annual;
        }
        double peak = initial, maxDd = 0;
        int peakIndex = -1, longest = 0;
        long longestMillis = 0;
        for (int i = 0; i < n; i++) {
            if (e[i] >= peak) {
                peak = e[i];
                peakIndex = i;
            } else {
                double dd = (peak - e[i]) / peak;
                if (dd > maxDd) maxDd = dd;
                int bars = i - peakIndex;
                long from = peakIndex < 0 ? t[0] : t[peakIndex];
                if (bars > longest) {
                    longest = bars;
                    longestMillis = t[i] - from;
                }
            }
        }
        int trades = tradeList.size(), wins = 0, withRisk = 0;
        double grossWin = 0, grossLoss = 0, net = 0, rSum = 0;
        for (RoundTrip rt : tradeList) {
            double p = rt.netPnl().doubleValue();
            net += p;
            if (p > 0) { wins++; grossWin += p; } else grossLoss -= p;
            BigDecimal rm = rt.rMultiple();
            if (rm != null) { withRisk++; rSum += rm.doubleValue(); }
        }
        return new Metrics(totalReturn, cagr, sharpe, sortino, maxDd, longest, longestMillis / 86_400_000d,
                trades == 0 ? Double.NaN : (double) wins / trades,
                grossLoss == 0 ? Double.NaN : grossWin / grossLoss,
                trades == 0 ? Double.NaN : net / trades,
                withRisk == 0 ? Double.NaN : rSum / withRisk,
                n == 0 ? 0 : (double) inMarket / n, trades);
    }
}
