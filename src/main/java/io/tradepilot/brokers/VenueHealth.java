package io.tradepilot.brokers;

import java.time.Instant;

/**
 * How an open {@link VenueSession} is doing, for the Connections page.
 *
 * @param connected          its streams are connected and subscribed (or, without streams, its last call answered)
 * @param brokerFailing      its circuit breaker is open after consecutive broker failures
 * @param rateLimitHeadroom  requests left in the broker's current rate-limit window; -1 when unknown
 * @param tokenExpiresAt     when the session's access token expires (Kite); null when unknown or none
 * @param lastError          the last failure the session saw, null when none; never a credential
 */
public record VenueHealth(boolean connected, boolean brokerFailing, int rateLimitHeadroom, Instant tokenExpiresAt,
                          String lastError) {
}
