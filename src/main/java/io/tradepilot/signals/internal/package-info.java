/**
 * The signals' implementation: the TradingView and ChartInk payload parsers, the receiver (authentication, replay
 * window, idempotency, symbol mapping and sizing, placement through the trading module), the administration, the
 * store of strategies and signals (jOOQ) and the beans.
 */
package io.tradepilot.signals.internal;
