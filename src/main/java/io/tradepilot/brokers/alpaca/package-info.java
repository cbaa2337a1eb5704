/**
 * The Alpaca adapter (US equities): {@link io.tradepilot.brokers.alpaca.AlpacaClient}, a client of Alpaca's
 * trading REST API v2 on the JDK HttpClient and Jackson; {@link io.tradepilot.brokers.alpaca.TradeUpdatesStream}, the
 * {@code trade_updates} websocket with reconnects; and {@link io.tradepilot.brokers.alpaca.AlpacaVenue}, the engine's
 * {@code ExecutionVenue} on top of both, which maps Alpaca's orders and events to execution reports and back-fills
 * what a dropped stream missed. {@link io.tradepilot.brokers.alpaca.AlpacaSession} is one account as the host uses it
 * (the venue, instruments from the asset list, bars from the market-data REST API and websocket with gaps back-filled,
 * the book and fills), opened by {@link io.tradepilot.brokers.alpaca.AlpacaSessionFactory} for a stored account. Base
 * URLs come from the account ({@link io.tradepilot.brokers.alpaca.AlpacaConfig}): Alpaca's paper or live endpoints, or
 * a local stand-in.
 */
package io.tradepilot.brokers.alpaca;
