package io.tradepilot.testing;

import io.tradepilot.security.Roles.Role;

/** A user created for a test, with the password it signs in with. */
public record TestUser(String username, String password, Role role) {
}
