package io.tradepilot.brokers.kite;

import io.tradepilot.brokers.internal.BrokerCallGuard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one Kite Connect app/account. Every base URL is configurable so that an account can point
 * at Kite or at a local stand-in. {@link #toString()} never shows the API secret.
 *
 * @param apiBaseUrl      the REST API ({@link #API}: {@code https://api.kite.trade}); paths {@code /orders/...} are appended
 * @param loginBaseUrl    Kite's login page ({@link #LOGIN}: {@code https://kite.zerodha.com/connect/login})
 * @param tickerUrl       the KiteTicker websocket ({@link #TICKER}: {@code wss://ws.kite.trade}); null: no stream (the
 *                        adapter then learns outcomes by polling the order book)
 * @param apiKey          the Kite Connect app's key (sent in the {@code Authorization} header, not a secret by itself)
 * @param apiSecret       the app's secret: used only for the login checksum; never sent, never logged
 * @param product         the product every order is placed with: {@code CNC} (delivery) or {@code MIS} (intraday)
 * @param live            whether this app trades a real-money account (Kite has no paper endpoints)
 * @param requestTimeout  how long one HTTP request may take; a placement that times out is resolved, not re-sent
 * @param answerTimeout   the engine's {@code ExecutionVenue.answerTimeout()}
 * @param resolveDelay    how long the adapter waits before asking about an order whose outcome it could not see
 * @param pollInterval    how often working orders are read from the order book (covers order updates the stream lost)
 * @param ordersPerSecond Kite's order rate limit (10/s), applied to every call on top of the guard's per-minute limit
 * @param guard           per-minute limit, breaker threshold, read retries
 * @param reconnectMin    first wait before reconnecting a dropped ticker (doubling up to {@code reconnectMax})
 * @param reconnectMax    longest wait between reconnect attempts
 */
public record KiteConfig(URI apiBaseUrl, URI loginBaseUrl, URI tickerUrl, String apiKey, String apiSecret, String product,
                         boolean live, Duration requestTimeout, Duration answerTimeout, Duration resolveDelay,
                         Duration pollInterval, int ordersPerSecond, BrokerCallGuard.Settings guard,
                         Duration reconnectMin, Duration reconnectMax) {

    public static final URI API = URI.create("https://api.kite.trade");
    public static final URI LOGIN = URI.create("https://kite.zerodha.com/connect/login");
    public static final URI TICKER = URI.create("wss://ws.kite.trade");

    /** Kite's documented order limit per minute (200; the 10/s limit is {@link #ordersPerSecond}), breaker after 3 failures, 4 read attempts. */
    public static final BrokerCallGuard.Settings DEFAULT_GUARD =
            new BrokerCallGuard.Settings(200, Duration.ofSeconds(30), 3, Duration.ofSeconds(30), 4, Duration.ofMillis(500));

    public KiteConfig {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(loginBaseUrl, "loginBaseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(resolveDelay, "resolveDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("a Kite API key is required");
        if (apiSecret == null || apiSecret.isBlank()) throw new IllegalArgumentException("a Kite API secret is required");
        if (!"CNC".equals(product) && !"MIS".equals(product)) throw new IllegalArgumentException("product must be CNC or MIS");
        if (ordersPerSecond < 1) throw new IllegalArgumentException("ordersPerSecond must be positive");
        for (URI u : new URI[] {apiBaseUrl, loginBaseUrl}) {
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) throw new IllegalArgumentException("Kite base URLs must be http(s)");
        }
        if (tickerUrl != null && !"wss".equals(tickerUrl.getScheme()) && !"ws".equals(tickerUrl.getScheme())) {
            throw new IllegalArgumentException("the ticker URL must be ws(s)");
        }
    }

    /**
     * Kite's own endpoints ({@link #API}, {@link #LOGIN}, {@link #TICKER}), product {@code MIS}, live: request timeout
     * 10 s, answer timeout 15 s, resolve delay 2 s, poll every 5 s, 10 orders/s, {@link #DEFAULT_GUARD}, reconnect 1 s … 30 s.
     */
    public static KiteConfig of(String apiKey, String apiSecret) {
        return new KiteConfig(API, LOGIN, TICKER, apiKey, apiSecret, "MIS", true, Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 10, DEFAULT_GUARD, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public KiteConfig withUrls(URI api, URI login, URI ticker) {
        return new KiteConfig(api, login, ticker, apiKey, apiSecret, product, live, requestTimeout, answerTimeout, resolveDelay,
                pollInterval, ordersPerSecond, guard, reconnectMin, reconnectMax);
    }

    public KiteConfig withProduct(String p) {
        return new KiteConfig(apiBaseUrl, loginBaseUrl, tickerUrl, apiKey, apiSecret, p, live, requestTimeout, answerTimeout, resolveDelay,
                pollInterval, ordersPerSecond, guard, reconnectMin, reconnectMax);
    }

    public KiteConfig withLive(boolean l) {
        return new KiteConfig(apiBaseUrl, loginBaseUrl, tickerUrl, apiKey, apiSecret, product, l, requestTimeout, answerTimeout, resolveDelay,
                pollInterval, ordersPerSecond, guard, reconnectMin, reconnectMax);
    }

    public KiteConfig withTimeouts(Duration request, Duration answer, Duration resolve, Duration poll) {
        return new KiteConfig(apiBaseUrl, loginBaseUrl, tickerUrl, apiKey, apiSecret, product, live, request, answer, resolve,
                poll, ordersPerSecond, guard, reconnectMin, reconnectMax);
    }

    public KiteConfig withGuard(BrokerCallGuard.Settings settings, int perSecond) {
        return new KiteConfig(apiBaseUrl, loginBaseUrl, tickerUrl, apiKey, apiSecret, product, live, requestTimeout, answerTimeout, resolveDelay,
                pollInterval, perSecond, settings, reconnectMin, reconnectMax);
    }

    public KiteConfig withReconnect(Duration min, Duration max) {
        return new KiteConfig(apiBaseUrl, loginBaseUrl, tickerUrl, apiKey, apiSecret, product, live, requestTimeout, answerTimeout, resolveDelay,
                pollInterval, ordersPerSecond, guard, min, max);
    }

    @Override
    public String toString() {
        return "KiteConfig[apiBaseUrl=" + apiBaseUrl + ", loginBaseUrl=" + loginBaseUrl + ", tickerUrl=" + tickerUrl
                + ", apiKey=" + (apiKey.length() <= 4 ? "***" : apiKey.substring(0, 4) + "***") + ", apiSecret=***, product="
                + product + ", live=" + live + "]";
    }
}
