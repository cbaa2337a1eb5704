/**
 * The strategy library beyond 3WI: mean reversion, opening-range breakout, trend pullback and momentum.
 * Each has a {@code SCHEMA} of typed, validated parameters with the seeds' defaults, decides at each
 * bar's close, sizes through a {@link io.tradepilot.engine.strategy.PositionSizing} and hands its
 * trades to a {@link io.tradepilot.engine.strategy.exits.TradeManager} under the shared {@link
 * io.tradepilot.engine.strategy.exits.ExitManager}. Indicator math in doubles; prices at order
 * boundaries exact. One instance serves one instrument for one run.
 */
package io.tradepilot.engine.strategy.library;
