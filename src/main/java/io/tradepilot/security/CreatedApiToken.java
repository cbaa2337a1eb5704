package io.tradepilot.security;

/**
 * A token just created, with its secret ({@code tp_...}). The secret is returned this once: only a
 * SHA-256 hash of it is stored.
 */
public record CreatedApiToken(ApiTokenSummary token, String secret) {
}
