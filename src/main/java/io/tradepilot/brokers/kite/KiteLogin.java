package io.tradepilot.brokers.kite;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;

/**
 * Kite's daily login, as documented by Kite Connect: the user opens {@code <login base>?v=3&api_key=…}, signs in at
 * Kite, and Kite redirects to the app's registered redirect URL with {@code request_token}; the app exchanges it
 * ({@code POST /session/token}, {@link KiteClient#createSession}) with {@code checksum = SHA-256(api_key +
 * request_token + api_secret)} for the day's access token. The token is valid until 06:00 IST the next morning
 * (Kite invalidates every token then).
 */
public final class KiteLogin {

    /** When Kite invalidates the day's tokens, IST. */
    public static final LocalTime TOKEN_RESET = LocalTime.of(6, 0);

    private KiteLogin() {
    }

    /** The URL the admin opens to sign in at Kite. */
    public static URI loginUrl(KiteConfig config) {
        String base = config.loginBaseUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "v=3&api_key=" + URLEncoder.encode(config.apiKey(), StandardCharsets.UTF_8));
    }

    /** {@code SHA-256(api_key + request_token + api_secret)} in lower-case hex. */
    public static String checksum(String apiKey, String requestToken, String apiSecret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The instant a token obtained at {@code loginTime} stops working: the next 06:00 IST after it. */
    public static Instant validUntil(Instant loginTime) {
        ZonedDateTime at = loginTime.atZone(KiteClient.IST);
        ZonedDateTime reset = at.toLocalDate().atTime(TOKEN_RESET).atZone(KiteClient.IST);
        return (at.isBefore(reset) ? reset : reset.plusDays(1)).toInstant();
    }

    /**
     * Exchanges {@code requestToken} for the day's session (sent once; a refused or expired request token is a
     * {@link KiteException} of kind {@code TOKEN} or {@code REFUSED}).
     */
    public static KiteSessionToken exchange(KiteClient client, KiteConfig config, String requestToken) {
        if (requestToken == null || requestToken.isBlank() || requestToken.length() > 200 || !requestToken.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("request_token must be 1-200 letters and digits");
        }
        KiteSessionToken token = client.createSession(requestToken, checksum(config.apiKey(), requestToken, config.apiSecret()));
        if (token.accessToken() == null || token.accessToken().isBlank()) {
            throw new KiteException(KiteException.Kind.SERVER, 200, "POST /session/token: no access token in the answer", null);
        }
        return token;
    }
}
