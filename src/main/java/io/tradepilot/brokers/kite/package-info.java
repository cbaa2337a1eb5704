/**
 * The Zerodha Kite Connect adapter (NSE/BSE cash equities): {@link io.tradepilot.brokers.kite.KiteClient} (REST v3 on
 * the JDK HTTP client), {@link io.tradepilot.brokers.kite.KiteTickerStream} (the KiteTicker websocket: binary ticks and
 * order updates), {@link io.tradepilot.brokers.kite.KiteVenue} (the engine's venue port),
 * {@link io.tradepilot.brokers.kite.MinuteBars} (ticks to 1-minute bars on the exchange clock),
 * {@link io.tradepilot.brokers.kite.KiteLogin} (the daily login: login URL, request token exchange, token validity) and
 * {@link io.tradepilot.brokers.kite.KiteSession} (the account as the engine host uses it). See docs/brokers.md, "Zerodha Kite".
 */
package io.tradepilot.brokers.kite;
