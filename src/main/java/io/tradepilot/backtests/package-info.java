/**
 * Backtests in the app: a run (a stored or draft strategy configuration, instruments, dates, cash, fill, fee and
 * slippage models) is submitted through {@link io.tradepilot.backtests.Backtests}, queued fairly and executed as a
 * background job on a clustered Quartz scheduler (JDBC store in PostgreSQL, recovered after a worker's crash) by a
 * {@link io.tradepilot.backtests.BacktestRunner} over bars from the {@link io.tradepilot.backtests.BacktestData}
 * port, with the engine's own backtester. Pages: list with live progress, run form, result, compare; REST under
 * {@code /api/v1/backtests}. See docs/backtests.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backtests")
package io.tradepilot.backtests;
