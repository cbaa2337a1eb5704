/**
 * Live trading over HTTP under {@code /api/v1}: read endpoints (positions, orders, equity, engine status,
 * strategies) for any role, and the manual trading actions (cancel, cancel all, close, flatten, manual
 * order with preview, strategy switches) through {@link io.tradepilot.trading.TradingActions} and
 * {@link io.tradepilot.trading.StrategyControls}. Refusals are problem details
 * ({@link io.tradepilot.controls.RefusalProblems}); unauthenticated attempts are audited here.
 */
package io.tradepilot.trading.web;
