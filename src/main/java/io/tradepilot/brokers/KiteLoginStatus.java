package io.tradepilot.brokers;

import java.time.Instant;

/**
 * The state of one Kite account's daily login, without the token.
 *
 * @param state       {@link State}
 * @param accountId   the account (Connections page)
 * @param accountName its name
 * @param validUntil  when the stored token stops working (06:00 IST after the login), or null
 * @param problem     why the login is needed ({@link State#LOGIN_NEEDED}: what the open session saw), or null
 */
public record KiteLoginStatus(State state, long accountId, String accountName, Instant validUntil, String problem) {

    public enum State {
        /** Nobody has signed in for this account yet (or its credentials changed since). */
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
