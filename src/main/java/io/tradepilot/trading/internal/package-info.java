/**
 * The engine host and its adapters: configuration ({@link io.tradepilot.trading.internal.TradingProperties},
 * including the pre-trade risk limits), the host's parts ({@link io.tradepilot.trading.internal.EngineHost} coordinates
 * {@link io.tradepilot.trading.internal.HostedEngine}: the leader lock, the market data port
 * {@link io.tradepilot.trading.internal.MarketFeed} with its freshness and outlier rules, write-ahead placement, the
 * paper venue or a broker session's venue behind {@link io.tradepilot.trading.internal.WriteAheadVenue}, the control
 * bridge), the controls as the engine's trading-state port, the ledger (jOOQ) and its off-thread writer, restart
 * recovery, and the manual trading actions and strategy switches
 * ({@link io.tradepilot.trading.internal.DefaultTradingActions}, {@link io.tradepilot.trading.internal.DefaultStrategyControls})
 * with their input rules, Redis rate limits, authorization and audit.
 */
package io.tradepilot.trading.internal;
