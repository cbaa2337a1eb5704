package io.tradepilot.security;

import io.tradepilot.security.Roles.Role;
import java.time.Instant;

/** A user as administrators see it: never with a password hash. */
public record UserSummary(String username, Role role, boolean enabled, Instant lockedUntil,
                          int failedLogins, Instant createdAt, Instant passwordChangedAt) {
}
