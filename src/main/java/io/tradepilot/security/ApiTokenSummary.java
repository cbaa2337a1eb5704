package io.tradepilot.security;

import java.time.Instant;

/** An API token as its owner sees it: the name and the first characters, never the secret. */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                              Instant lastUsedAt, Instant revokedAt) {

    /** Whether the token can authenticate at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
