package io.tradepilot.brokers;

import java.net.URI;

/**
 * Zerodha Kite's daily login, for admins (method security; every attempt audited, denials included). An admin starts
 * a login ({@link #beginLogin}: Kite's login page with a one-time state), signs in at Kite, and Kite redirects back
 * with a {@code request_token} that {@link #completeLogin} exchanges for the day's access token, stored sealed and
 * valid until 06:00 IST the next morning. Without a configured Kite app every call is refused with
 * {@code KITE_NOT_CONFIGURED}.
 */
public interface KiteLogins {

    /** Whether a Kite app is configured and what its login looks like now. */
    KiteLoginStatus status();

    /**
     * Kite's login URL ({@code <login base>?v=3&api_key=…&redirect_params=state%3D…}) with a fresh state bound to
     * the calling admin and valid for 10 minutes; audited as {@code KITE_LOGIN_STARTED}.
     *
     * @throws BrokerRefusal {@code KITE_NOT_CONFIGURED}
     */
    URI beginLogin();

    /**
     * Exchanges Kite's {@code request_token} (with the {@code state} of {@link #beginLogin}, which must be this admin's,
     * unused and unexpired) for the access token, stores it sealed and publishes {@link KiteLoggedIn}; audited as
     * {@code KITE_LOGIN} (record first: refused with {@code AUDIT_UNAVAILABLE} when it cannot be written).
     *
     * @throws BrokerRefusal {@code INVALID_PARAMETER} (malformed token), {@code LOGIN_STATE_INVALID} (unknown, used,
     *                       expired or another user's state), {@code REQUEST_TOKEN_REFUSED} (Kite refused it),
     *                       {@code BROKER_UNAVAILABLE} (Kite not reachable), {@code KITE_NOT_CONFIGURED},
     *                       {@code AUDIT_UNAVAILABLE}
     */
    KiteLoginStatus completeLogin(String requestToken, String state);
}
