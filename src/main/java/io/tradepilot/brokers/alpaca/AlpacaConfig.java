package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.internal.BrokerCallGuard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one Alpaca account. {@link #toString()} never shows the secret.
 *
 * @param tradingBaseUrl the trading API: {@link #PAPER} ({@code https://paper-api.alpaca.markets}), {@link #LIVE}
 *                       ({@code https://api.alpaca.markets}) or a stand-in; paths {@code /v2/...} are appended
 * @param streamUrl      the {@code trade_updates} websocket ({@code wss://.../stream}); null: no stream (the adapter
 *                       then learns outcomes only from its REST answers and resolutions)
 * @param keyId          sent as {@code APCA-API-KEY-ID}
 * @param secretKey      sent as {@code APCA-API-SECRET-KEY}; never logged
 * @param requestTimeout how long one HTTP request may take; a placement that times out is resolved, not re-sent
 * @param answerTimeout  the engine's {@code ExecutionVenue.answerTimeout()}: after it, an unanswered placement is resolved
 * @param resolveDelay   how long the adapter waits before asking about an order whose outcome it could not see (a
 *                       placement without answer, a cancel) — Alpaca's order lookups are eventually consistent
 * @param guard          rate limit (Alpaca: 200 requests/min), breaker threshold, read retries
 * @param reconnectMin   first wait before reconnecting a dropped stream (doubling up to {@code reconnectMax})
 * @param reconnectMax   longest wait between reconnect attempts
 */
public record AlpacaConfig(URI tradingBaseUrl, URI streamUrl, String keyId, String secretKey, Duration requestTimeout,
                           Duration answerTimeout, Duration resolveDelay, BrokerCallGuard.Settings guard,
                           Duration reconnectMin, Duration reconnectMax) {

    public static final URI PAPER = URI.create("https://paper-api.alpaca.markets");
    public static final URI LIVE = URI.create("https://api.alpaca.markets");

    /** Alpaca's documented limit: 200 requests per minute per account. */
    public static final BrokerCallGuard.Settings DEFAULT_GUARD =
            new BrokerCallGuard.Settings(200, Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 4, Duration.ofMillis(500));

    public AlpacaConfig {
        Objects.requireNonNull(tradingBaseUrl, "tradingBaseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(resolveDelay, "resolveDelay");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (keyId == null || keyId.isBlank()) throw new IllegalArgumentException("an Alpaca key id is required");
        if (secretKey == null || secretKey.isBlank()) throw new IllegalArgumentException("an Alpaca secret key is required");
        String scheme = tradingBaseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) throw new IllegalArgumentException("the trading base URL must be http(s)");
        if (streamUrl != null && !"wss".equals(streamUrl.getScheme()) && !"ws".equals(streamUrl.getScheme())) {
            throw new IllegalArgumentException("the stream URL must be ws(s)");
        }
    }

    /**
     * Defaults for {@code tradingBaseUrl} with its stream at {@code /stream} on the same host (as Alpaca serves it):
     * request timeout 10 s, answer timeout 15 s, resolve delay 2 s, {@link #DEFAULT_GUARD}, reconnect 1 s … 30 s.
     */
    public static AlpacaConfig of(URI tradingBaseUrl, String keyId, String secretKey) {
        return new AlpacaConfig(tradingBaseUrl, streamOf(tradingBaseUrl), keyId, secretKey, Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(2), DEFAULT_GUARD, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** {@code wss://host/stream} for {@code https://host} ({@code ws://} for {@code http://}). */
    public static URI streamOf(URI tradingBaseUrl) {
        String ws = "https".equals(tradingBaseUrl.getScheme()) ? "wss" : "ws";
        String base = tradingBaseUrl.toString().replaceFirst("^https?", ws);
        return URI.create(base.endsWith("/") ? base + "stream" : base + "/stream");
    }

    public AlpacaConfig withStreamUrl(URI url) {
        return new AlpacaConfig(tradingBaseUrl, url, keyId, secretKey, requestTimeout, answerTimeout, resolveDelay, guard, reconnectMin, reconnectMax);
    }

    public AlpacaConfig withTimeouts(Duration request, Duration answer, Duration resolve) {
        return new AlpacaConfig(tradingBaseUrl, streamUrl, keyId, secretKey, request, answer, resolve, guard, reconnectMin, reconnectMax);
    }

    public AlpacaConfig withGuard(BrokerCallGuard.Settings settings) {
        return new AlpacaConfig(tradingBaseUrl, streamUrl, keyId, secretKey, requestTimeout, answerTimeout, resolveDelay, settings, reconnectMin, reconnectMax);
    }

    public AlpacaConfig withReconnect(Duration min, Duration max) {
        return new AlpacaConfig(tradingBaseUrl, streamUrl, keyId, secretKey, requestTimeout, answerTimeout, resolveDelay, guard, min, max);
    }

    @Override
    public String toString() {
        return "AlpacaConfig[tradingBaseUrl=" + tradingBaseUrl + ", streamUrl=" + streamUrl + ", keyId=" + mask(keyId)
                + ", secretKey=***, requestTimeout=" + requestTimeout + ", answerTimeout=" + answerTimeout + "]";
    }

    private static String mask(String key) {
        return key.length() <= 4 ? "***" : key.substring(0, 4) + "***";
    }
}
