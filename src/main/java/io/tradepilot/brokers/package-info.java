/**
 * Brokers: the adapters that connect the engine's venue port ({@code engine.venue.ExecutionVenue}) to real
 * brokers, one package per venue ({@code alpaca}; {@code kite} to come), and what they tell the host about the
 * brokers' health ({@link io.tradepilot.brokers.BrokerErrors}). The broker accounts admins connect
 * ({@link io.tradepilot.brokers.BrokerAccounts}, Connections page in {@code ui}, REST in {@code web}), the one the
 * engine trades through ({@link io.tradepilot.brokers.VenueAccounts}) and the SPI each adapter implements to open a
 * session for an account ({@link io.tradepilot.brokers.VenueSessionFactory}). Shared plumbing for adapters (rate
 * limit, circuit breaker, retries of reads) and the account store live in {@code internal}. See docs/brokers.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Brokers")
package io.tradepilot.brokers;
