package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.security.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validates an account request and fills the broker's default URLs for blank ones. URLs: absolute http(s) for the
 * REST APIs, ws(s) for the streams, with a host, at most 500 characters, and without user info, query or fragment
 * (credentials never travel in a URL, so none can be stored or shown in one).
 */
final class AccountRules {

    /** A request that passed: URLs normalized (defaults filled), texts stripped. */
    record Valid(BrokerKind broker, String name, AccountEnvironment environment, String tradingUrl, String marketDataUrl,
                 String tradeStreamUrl, String dataStreamUrl, String dataFeed, boolean enabled, String keyId, String secret) {

        @Override
        public String toString() {
            return "Valid[broker=" + broker + ", name=" + name + "]";
        }
    }

    /**
     * @param credentialsRequired whether key id and secret must be given (create) or may be null (update: keep)
     * @throws BrokerAccountRefusal naming the first field that is wrong
     */
    Valid validate(BrokerAccountRequest r, boolean credentialsRequired) {
        if (r.broker() == null) throw BrokerAccountRefusal.badParameter("broker", "broker is one of ALPACA, KITE");
        if (r.environment() == null) throw BrokerAccountRefusal.badParameter("environment", "environment is PAPER or LIVE");
        String name = r.name() == null ? "" : r.name().strip();
        text("name", name);
        if (name.isEmpty() || name.length() > 64) {
            throw BrokerAccountRefusal.badParameter("name", "name must be 1 to 64 characters");
        }
        String feed = null;
        if (r.broker() == BrokerKind.ALPACA) {
            feed = r.dataFeed() == null || r.dataFeed().isBlank() ? "iex" : r.dataFeed().strip().toLowerCase(Locale.ROOT);
            if (!feed.equals("iex") && !feed.equals("sip")) {
                throw BrokerAccountRefusal.badParameter("dataFeed", "dataFeed is iex or sip");
            }
        }
        Defaults d = defaults(r.broker(), r.environment(), feed);
        String trading = url("tradingUrl", r.tradingUrl(), d.trading(), false);
        String marketData = url("marketDataUrl", r.marketDataUrl(), d.marketData(), false);
        String tradeStream = url("tradeStreamUrl", r.tradeStreamUrl(), d.tradeStream(), true);
        String dataStream = url("dataStreamUrl", r.dataStreamUrl(), d.dataStream(), true);
        String keyId = credential("keyId", r.keyId(), credentialsRequired);
        String secret = credential("secret", r.secret(), credentialsRequired);
        return new Valid(r.broker(), name, r.environment(), trading, marketData, tradeStream, dataStream, feed,
                r.enabled() == null || r.enabled(), keyId, secret);
    }

    /** The broker's own endpoints for an environment. */
    record Defaults(String trading, String marketData, String tradeStream, String dataStream) {
    }

    static Defaults defaults(BrokerKind broker, AccountEnvironment environment, String feed) {
        return switch (broker) {
            case ALPACA -> environment == AccountEnvironment.LIVE
                    ? new Defaults("https://api.alpaca.markets", "https://data.alpaca.markets", "wss://api.alpaca.markets/stream",
                            "wss://stream.data.alpaca.markets/v2/" + feed)
                    : new Defaults("https://paper-api.alpaca.markets", "https://data.alpaca.markets",
                            "wss://paper-api.alpaca.markets/stream", "wss://stream.data.alpaca.markets/v2/" + feed);
            // Kite has one environment; its "paper" accounts are Tradepilot's own paper trading on Kite's data
            case KITE -> new Defaults("https://api.kite.trade", "https://api.kite.trade", null, "wss://ws.kite.trade");
        };
    }

    private static String url(String field, String given, String fallback, boolean stream) {
        String text = given == null || given.isBlank() ? fallback : given.strip();
        if (text == null) return null;
        text(field, text);
        if (text.length() > 500) throw BrokerAccountRefusal.badParameter(field, field + " must be at most 500 characters");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw BrokerAccountRefusal.badParameter(field, field + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = stream ? scheme.equals("ws") || scheme.equals("wss") : scheme.equals("http") || scheme.equals("https");
        if (!schemeOk) {
            throw BrokerAccountRefusal.badParameter(field, field + " must start with " + (stream ? "ws:// or wss://" : "http:// or https://"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw BrokerAccountRefusal.badParameter(field, field + " must name a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw BrokerAccountRefusal.badParameter(field, field + " must not hold user info, a query or a fragment (credentials go in their own fields)");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String credential(String field, String given, boolean required) {
        if (given == null || (given.isBlank() && !required)) {
            if (required) throw BrokerAccountRefusal.badParameter(field, field + " is required");
            return null;
        }
        String value = given.strip();
        text(field, value);
        if (value.isEmpty() || value.length() > 512) {
            throw BrokerAccountRefusal.badParameter(field, field + " must be 1 to 512 characters");
        }
        return value;
    }

    private static void text(String field, String value) {
        PlainText.singleLine(field, value).ifPresent(v -> {
            // the refusal names the field and what is wrong, never the value (it may be a credential)
            throw BrokerAccountRefusal.badText(field, v.message());
        });
    }
}
