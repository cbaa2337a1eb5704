/**
 * The paper broker, the engine's simulated {@link io.tradepilot.engine.venue.ExecutionVenue}: fill models for market, limit, stop and stop-limit orders against bars, slippage,
 * a volume participation cap with partial fills, time-in-force handling, and commission models
 * (percent of notional, per share, flat per order, and the Zerodha equity charge table).
 *
 * <p>Intrabar assumption (bars carry no path): an order resting at a bar's start sees the open first,
 * then may trade anywhere in [low, high]. Gaps through a price fill at the open: better than the limit
 * for limit orders, worse than the stop for stop orders. A stop-limit whose stop triggers inside the bar
 * beyond the stop (a buy limit below its stop, a sell limit above it) is not filled on that bar (conservative) and rests as a
 * limit order afterwards. No fill is ever priced outside its bar's [low, high]; slippage is clamped to it.
 */
package io.tradepilot.engine.broker;
