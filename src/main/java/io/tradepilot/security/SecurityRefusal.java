package io.tradepilot.security;

/**
 * A security operation was refused for a reason the user can act on (a weak password, an unknown
 * user, the last admin). The message is meant to be shown as is; it never contains a secret.
 */
public class SecurityRefusal extends RuntimeException {

    public SecurityRefusal(String message) {
        super(message);
    }
}
