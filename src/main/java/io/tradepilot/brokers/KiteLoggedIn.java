package io.tradepilot.brokers;

import java.time.Instant;

/** An admin signed in at Kite: a new access token for {@code accountId} is stored (read it with {@link KiteTokens}). */
public record KiteLoggedIn(String accountId, Instant validUntil) { }
