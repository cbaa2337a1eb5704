package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.kite.KiteConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * The Kite Connect app the platform signs in with ({@code tradepilot.brokers.kite.*}); without {@code api-key} and
 * {@code api-secret} there is none and the Kite login refuses with {@code KITE_NOT_CONFIGURED}. Give the secret
 * through the environment ({@code TRADEPILOT_BROKERS_KITE_API_SECRET}), never in a committed file. Every URL can point
 * at a stand-in.
 *
 * @param accountId    the account's id (Connections store; the venue session's {@code accountId})
 * @param apiKey       the Kite Connect app's key
 * @param apiSecret    the app's secret (only for the login checksum)
 * @param apiBaseUrl   Kite's REST API
 * @param loginBaseUrl Kite's login page
 * @param tickerUrl    the KiteTicker websocket
 * @param product      CNC or MIS
 * @param live         whether the account trades real money (Kite has no paper endpoints)
 */
@ConfigurationProperties("tradepilot.brokers.kite")
public record KiteProperties(String accountId, String apiKey, String apiSecret, URI apiBaseUrl, URI loginBaseUrl,
                             URI tickerUrl, String product, Boolean live) {

    public KiteProperties {
        if (accountId == null || accountId.isBlank()) accountId = "kite";
        if (apiBaseUrl == null) apiBaseUrl = KiteConfig.API;
        if (loginBaseUrl == null) loginBaseUrl = KiteConfig.LOGIN;
        if (tickerUrl == null) tickerUrl = KiteConfig.TICKER;
        if (product == null || product.isBlank()) product = "MIS";
        if (live == null) live = Boolean.TRUE;
    }

    /** Whether an app is configured. */
    public boolean configured() {
        return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
    }

    /** The adapter's configuration (Kite's defaults for timeouts and limits). */
    public KiteConfig toConfig() {
        return KiteConfig.of(apiKey, apiSecret).withUrls(apiBaseUrl, loginBaseUrl, tickerUrl).withProduct(product).withLive(live);
    }

    @Override
    public String toString() {
        return "KiteProperties[accountId=" + accountId + ", apiKey=" + (apiKey == null ? null : "***") + ", apiSecret="
                + (apiSecret == null ? null : "***") + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
