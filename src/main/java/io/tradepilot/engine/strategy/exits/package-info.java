/**
 * Exit policies for open trades, shared by the strategies: the 3WI {@link
 * io.tradepilot.engine.strategy.exits.PositionTracker} and the generic {@link
 * io.tradepilot.engine.strategy.exits.ExitManager} (ATR stop, ATR trailing stop, partial take-profit with
 * stop to breakeven, time stop, end-of-day square-off). A policy only decides ({@link
 * io.tradepilot.engine.strategy.exits.ExitAction}s); the {@link
 * io.tradepilot.engine.strategy.exits.TradeManager} keeps the trade in step with the engine's position
 * and turns the decisions into orders, so the backtester (daily bars) and the live engine (hourly bars)
 * run the same policy.
 */
package io.tradepilot.engine.strategy.exits;
