/**
 * The engine host and its adapters: configuration ({@link io.tradepilot.trading.internal.TradingProperties},
 * including the pre-trade risk limits), the leader lock, the market data feed with its freshness and outlier
 * rules, the controls as the engine's trading-state port, the ledger (jOOQ) and its off-thread writer, restart
 * recovery, and the manual trading actions and strategy switches
 * ({@link io.tradepilot.trading.internal.DefaultTradingActions}, {@link io.tradepilot.trading.internal.DefaultStrategyControls})
 * with their input rules, Redis rate limits, authorization and audit.
 */
package io.tradepilot.trading.internal;
