package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One symbol's figures in a run (each symbol ran alone with the run's cash: per-symbol figures only). Gross and net
 * are named as in the command line's metrics.json: {@code realizedPnlGross} is the average-cost P&amp;L of the
 * quantity closed before fees; {@code tradesPnlGross}/{@code tradesPnlNet} sum the round trips' P&amp;L before and
 * after both legs' fees; {@code finalEquity - initialCash} is the result net of every fee, an open position marked
 * at the last close. Statistics as the engine's {@code Metrics} defines them, {@code NaN} where undefined.
 * <p>A portfolio run has one row only, {@link #ACCOUNT}: the account's figures (its bars are the time steps, its
 * open quantity the sum of the open positions' quantities, its {@code dataSha256} the run's data fingerprint).
 */
public record SymbolResult(String symbol, int bars, Instant firstBar, Instant lastBar, String dataSha256, int trades,
                           BigDecimal initialCash, BigDecimal finalEquity, BigDecimal finalCash, BigDecimal openQuantity,
                           BigDecimal fees, BigDecimal realizedPnlGross, BigDecimal tradesPnlGross, BigDecimal tradesPnlNet,
                           double totalReturn, double cagr, double sharpe, double sortino, double maxDrawdown,
                           double winRate, double profitFactor, double expectancy, double averageR, double exposureTime) {

    /** The name of a portfolio run's account row (never a symbol: symbols start with a letter or digit). */
    public static final String ACCOUNT = "(account)";

    /** Whether this row is a portfolio's account. */
    public boolean account() {
        return ACCOUNT.equals(symbol);
    }
}
