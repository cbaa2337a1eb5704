/**
 * Strategies: bars in, order intents out. A {@link io.tradepilot.engine.strategy.Strategy} sees each
 * completed bar through a {@link io.tradepilot.engine.domain.BarCursor} and a {@link
 * io.tradepilot.engine.strategy.StrategyContext} (position, portfolio, working orders, order submission).
 * {@link io.tradepilot.engine.strategy.SmaCross} is the first strategy; {@link
 * io.tradepilot.engine.strategy.Strategies} creates strategies by name for the command line.
 */
package io.tradepilot.engine.strategy;
