/**
 * The engine host and its adapters: configuration ({@link io.tradepilot.trading.internal.TradingProperties}),
 * the leader lock, the market data feed with its freshness and outlier rules, the controls as the
 * engine's trading-state port, the ledger (jOOQ) and its off-thread writer, and restart recovery.
 */
package io.tradepilot.trading.internal;
