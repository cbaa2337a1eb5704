package io.tradepilot.brokers;

import java.net.URI;
import java.util.List;

/**
 * Zerodha Kite's daily login for the Kite accounts stored on the Connections page, for admins (method security; every
 * attempt audited, denials included). An admin starts a login for an account ({@link #beginLogin}: Kite's login page
 * for the account's {@code api_key}, with a one-time state), signs in at Kite, and Kite redirects back with a
 * {@code request_token} that {@link #completeLogin} exchanges for the day's access token, which is stored with the
 * account ({@link BrokerAccounts#storeAccessToken}, sealed) and valid until 06:00 IST the next morning.
 */
public interface KiteLogins {

    /** The daily login of every Kite account, by name (empty when there is none). */
    List<KiteLoginStatus> status();

    /**
     * Kite's login URL for {@code accountId} ({@code <login page>?v=3&api_key=…&redirect_params=state%3D…}) with a fresh
     * state bound to the calling admin and the account, valid for 10 minutes; audited as {@code KITE_LOGIN_STARTED}.
     *
     * @throws BrokerAccountRefusal {@code ACCOUNT_NOT_FOUND}; {@code INVALID_PARAMETER} when it is not a Kite account
     */
    URI beginLogin(long accountId);

    /**
     * Exchanges Kite's {@code request_token} (with the {@code state} of {@link #beginLogin}, which must be this admin's,
     * unused and unexpired) for the access token and stores it with the account; audited as {@code KITE_LOGIN} (record
     * first: refused with {@code AUDIT_UNAVAILABLE} when it cannot be written) and {@code BROKER_ACCOUNT_TOKEN_STORED}.
     *
     * @throws BrokerRefusal {@code INVALID_PARAMETER} (malformed token), {@code LOGIN_STATE_INVALID} (unknown, used,
     *                       expired or another user's state), {@code REQUEST_TOKEN_REFUSED} (Kite refused it),
     *                       {@code BROKER_UNAVAILABLE} (Kite not reachable), {@code AUDIT_UNAVAILABLE}
     */
    KiteLoginStatus completeLogin(String requestToken, String state);
}
