package io.tradepilot.brokers;

import java.time.Instant;

/**
 * The state of a Kite account's daily login, without the token.
 *
 * @param state       {@link State}
 * @param accountId   the Kite account (null when none is configured)
 * @param kiteUserId  Kite's user id of the last login, or null
 * @param loggedInAt  when the last login happened, or null
 * @param validUntil  when its token stops working (06:00 IST after the login), or null
 * @param loggedInBy  the admin who signed in, or null
 * @param problem     why Kite refused the token ({@link State#LOGIN_NEEDED}), or null
 */
public record KiteLoginStatus(State state, String accountId, String kiteUserId, Instant loggedInAt, Instant validUntil,
                              String loggedInBy, String problem) {

    public enum State {
        /** No Kite app configured ({@code tradepilot.brokers.kite.*}). */
        NOT_CONFIGURED,
        /** Configured, never signed in. */
        NOT_LOGGED_IN,
        /** A token valid now. */
        LOGGED_IN,
        /** The token's day is over (after 06:00 IST): sign in again. */
        EXPIRED,
        /** Kite refused the token before its expiry (revoked, logged out elsewhere): sign in again. */
        LOGIN_NEEDED
    }

    /** Whether trading through Kite can use the token now. */
    public boolean usable() {
        return state == State.LOGGED_IN;
    }
}
