/**
 * Positions and the portfolio: average-cost accounting (realized P&L as the seed systems compute it,
 * including flips through zero), FIFO lots that pair entries with exits into {@link
 * io.tradepilot.engine.portfolio.RoundTrip}s, and the portfolio's cash, equity, exposure, drawdown and
 * open risk. All accounting is exact {@code BigDecimal}; the only divisions (average price, pro-rata fee
 * and cost splits) go through {@link io.tradepilot.engine.portfolio.Exact#divide}, which is exact when the
 * quotient terminates and keeps 34 significant digits otherwise, with the remainder carried so totals
 * still reconcile exactly.
 */
package io.tradepilot.engine.portfolio;
