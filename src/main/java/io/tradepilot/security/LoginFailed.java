package io.tradepilot.security;

import java.time.Instant;

/**
 * A sign-in failed for a wrong password or an unknown user (published to the application's listeners on the
 * instance that refused it, after the failure is recorded). Never carries the password tried.
 *
 * @param clientAddress where the attempt came from, or {@code unknown}
 */
public record LoginFailed(String username, String clientAddress, Instant at) {
}
