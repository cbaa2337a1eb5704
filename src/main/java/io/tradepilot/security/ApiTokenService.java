package io.tradepilot.security;

import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Personal API tokens for the REST API ({@code Authorization: Bearer tp_...}). A token acts with
 * its owner's current role; it stops working when revoked, expired, or its owner is disabled.
 */
public interface ApiTokenService {

    /**
     * Creates a token for the caller. The secret is in the result only; it is stored as a SHA-256
     * hash. Audited.
     *
     * @param name      1–64 characters, to recognise the token later
     * @param expiresAt when it stops working, in the future, or {@code null} for never
     */
    @PreAuthorize("isAuthenticated()")
    CreatedApiToken create(String name, Instant expiresAt);

    /** The caller's tokens, newest first, revoked ones included. */
    @PreAuthorize("isAuthenticated()")
    List<ApiTokenSummary> listMine();

    /**
     * Revokes one of the caller's tokens (admins may revoke anyone's). Revoking a revoked token
     * changes nothing. Audited.
     */
    @PreAuthorize("isAuthenticated()")
    ApiTokenSummary revoke(long tokenId);
}
