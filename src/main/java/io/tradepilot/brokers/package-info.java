/**
 * Brokers: the adapters that connect the engine's venue port ({@code engine.venue.ExecutionVenue}) to real
 * brokers, one package per venue ({@code alpaca}; {@code kite} to come), and what they tell the host about the
 * brokers' health ({@link io.tradepilot.brokers.BrokerErrors}). Shared plumbing for adapters (rate limit,
 * circuit breaker, retries of reads) lives in {@code internal}. See docs/brokers.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Brokers")
package io.tradepilot.brokers;
