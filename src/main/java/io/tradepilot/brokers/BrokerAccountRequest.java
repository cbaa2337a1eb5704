package io.tradepilot.brokers;

/**
 * An account to create, or the new settings of one. Blank URLs take the broker's defaults for the environment
 * (Alpaca paper: {@code https://paper-api.alpaca.markets}, {@code https://data.alpaca.markets},
 * {@code wss://paper-api.alpaca.markets/stream}, {@code wss://stream.data.alpaca.markets/v2/<feed>}).
 * {@link #toString()} never shows a credential.
 *
 * @param name     1..64 characters of plain single-line text, unique (case-insensitive)
 * @param dataFeed Alpaca: {@code iex} (default) or {@code sip}; ignored for Kite
 * @param enabled  null: true
 * @param keyId    the API key id; on an update null keeps the stored one
 * @param secret   the API secret; on an update null keeps the stored one
 */
public record BrokerAccountRequest(BrokerKind broker, String name, AccountEnvironment environment, String tradingUrl,
                                   String marketDataUrl, String tradeStreamUrl, String dataStreamUrl, String dataFeed,
                                   Boolean enabled, String keyId, String secret) {

    @Override
    public String toString() {
        return "BrokerAccountRequest[broker=" + broker + ", name=" + name + ", environment=" + environment
                + ", keyId=" + (keyId == null ? "unchanged" : "***") + ", secret=" + (secret == null ? "unchanged" : "***") + "]";
    }
}
