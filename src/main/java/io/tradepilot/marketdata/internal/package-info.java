/**
 * The market data module's implementation: the CSV validation (per line with the engine's reader, then the quality
 * checks against the exchange calendar), the series store (jOOQ for series and reports, COPY and one ordered scan
 * for bars), the broker history adapter over the brokers module's API, the service and its beans.
 */
package io.tradepilot.marketdata.internal;
