/**
 * Live paper trading: the engine hosted inside the application on its own writer thread, fed by the
 * configured market data (seeded synthetic market or a CSV replay), gated by the controls, and
 * recorded in the trading ledger (orders with every state change, fills, positions, round trips,
 * equity, strategy results per day). {@link io.tradepilot.trading.TradingQueries} is the read API;
 * implementations live in {@code internal}, the REST endpoints in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trading")
package io.tradepilot.trading;
