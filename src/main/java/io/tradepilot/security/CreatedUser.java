package io.tradepilot.security;

import java.util.Optional;

/**
 * A user just created, with the generated password when none was given; it is returned this once
 * and never stored in clear.
 */
public record CreatedUser(UserSummary user, Optional<String> generatedPassword) {
}
