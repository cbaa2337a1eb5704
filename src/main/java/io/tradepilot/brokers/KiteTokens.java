package io.tradepilot.brokers;

import java.util.Optional;

/**
 * The Kite access tokens as the code that opens a Kite session uses them (no user; not for views or the API).
 */
public interface KiteTokens {

    /** The access token of {@code accountId}'s last login, opened, when it is still valid and Kite has not refused it. */
    Optional<String> accessToken(String accountId);

    /**
     * Kite refused {@code accountId}'s token (a {@code TokenException}, a 403 on the ticker): the login shows
     * "login needed" with {@code why} until the next login; audited once per refusal as the system user.
     */
    void refused(String accountId, String why);
}
