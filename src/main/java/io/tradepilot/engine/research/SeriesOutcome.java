package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.Metrics;
import io.tradepilot.engine.portfolio.RoundTrip;

import java.math.BigDecimal;

/**
 * One cell's backtest on one series, reduced to what a sweep table needs. Amounts are exact.
 *
 * @param pnlNet final equity − initial cash (open positions marked at the last close, after all fees)
 * @param wins   round trips with a positive net P&L
 */
public record SeriesOutcome(String symbol, Metrics metrics, BigDecimal finalEquity, BigDecimal pnlNet, BigDecimal fees, int trades, int wins) {

    public static SeriesOutcome of(BacktestResult r) {
        int wins = 0;
        for (RoundTrip t : r.trades()) if (t.netPnl().signum() > 0) wins++;
        return new SeriesOutcome(r.data().instrument().symbol(), r.metrics(), r.finalEquity(),
                r.finalEquity().subtract(r.config().initialCash()), r.fees(), r.trades().size(), wins);
    }
}
