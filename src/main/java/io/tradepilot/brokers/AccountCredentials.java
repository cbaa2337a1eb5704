package io.tradepilot.brokers;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored account with its secrets opened, as a {@link VenueSessionFactory} needs it to open a session or test
 * the connection. Lives only in memory for that call; {@link #toString()} never shows a secret.
 *
 * @param tradingUrl           the broker's trading REST API (Alpaca {@code https://paper-api.alpaca.markets})
 * @param marketDataUrl        the broker's market-data REST API (Alpaca {@code https://data.alpaca.markets})
 * @param tradeStreamUrl       the order-updates websocket; null: none (the adapter learns outcomes by REST)
 * @param dataStreamUrl        the market-data websocket (Alpaca {@code wss://stream.data.alpaca.markets/v2/iex})
 * @param dataFeed             the broker's data feed name (Alpaca {@code iex} or {@code sip}); null where the broker has none
 * @param keyId                the API key id (Alpaca {@code APCA-API-KEY-ID}, Kite {@code api_key})
 * @param secret               the API secret (Alpaca {@code APCA-API-SECRET-KEY}, Kite {@code api_secret})
 * @param accessToken          a session token the broker issued (Kite's daily access token); null when none
 * @param accessTokenExpiresAt when {@code accessToken} stops working; null when unknown or none
 */
public record AccountCredentials(long accountId, BrokerKind broker, String name, AccountEnvironment environment,
                                 URI tradingUrl, URI marketDataUrl, URI tradeStreamUrl, URI dataStreamUrl,
                                 String dataFeed, String keyId, String secret, String accessToken,
                                 Instant accessTokenExpiresAt) {

    public AccountCredentials {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tradingUrl, "tradingUrl");
        Objects.requireNonNull(marketDataUrl, "marketDataUrl");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
    }

    /** Whether the account points at the broker's live (real money) environment. */
    public boolean live() {
        return environment == AccountEnvironment.LIVE;
    }

    @Override
    public String toString() {
        return "AccountCredentials[accountId=" + accountId + ", broker=" + broker + ", name=" + name + ", environment="
                + environment + ", tradingUrl=" + tradingUrl + ", marketDataUrl=" + marketDataUrl + ", keyId=***, secret=***"
                + (accessToken == null ? "" : ", accessToken=***") + "]";
    }
}
