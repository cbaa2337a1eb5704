/**
 * Backtests: {@link io.tradepilot.engine.backtest.Backtest#run} drives the same {@code TradingEngine} as
 * live over a historical series ({@link io.tradepilot.engine.backtest.BarArrays}: primitive arrays of
 * scaled prices, the fast path; or a {@code List<Bar>}) with a simulated clock, and returns a {@link
 * io.tradepilot.engine.backtest.BacktestResult} with trades, the equity curve and {@link
 * io.tradepilot.engine.backtest.Metrics}. {@link io.tradepilot.engine.backtest.BacktestReport} writes
 * {@code trades.csv}, {@code equity.csv} and {@code metrics.json}. {@link io.tradepilot.engine.backtest.PortfolioBacktest#run}
 * runs many instruments in one account on one engine ({@link io.tradepilot.engine.backtest.PortfolioLimits}: the live
 * account limits) and returns a {@link io.tradepilot.engine.backtest.PortfolioResult};
 * {@link io.tradepilot.engine.backtest.PortfolioReport} writes it. A folder of independent single-symbol runs is a
 * {@link io.tradepilot.engine.backtest.UniverseResult} ({@link io.tradepilot.engine.backtest.UniverseReport}).
 *
 * <p>Metrics are statistics and use {@code double}; every amount in trades and the equity curve is exact.
 */
package io.tradepilot.engine.backtest;
