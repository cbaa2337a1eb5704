package io.tradepilot.brokers.alpaca;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alpaca's market-data REST API v2 for US stocks ({@code https://data.alpaca.markets}), through an {@link AlpacaClient}
 * at that base URL (same credentials, guard, error kinds): historical bars ({@code GET /v2/stocks/{symbol}/bars},
 * following {@code next_page_token}) and the latest trade's price ({@code GET /v2/stocks/{symbol}/trades/latest}).
 * Prices are exact decimals. Calls block: use them from the adapter's own threads.
 */
final class AlpacaMarketData {

    private static final Logger log = LoggerFactory.getLogger(AlpacaMarketData.class);

    /** The most bars Alpaca returns per page. */
    static final int PAGE_LIMIT = 10_000;

    private final AlpacaClient client;
    private final String feed;

    /** @param feed {@code iex} or {@code sip} */
    AlpacaMarketData(AlpacaClient client, String feed) {
        this.client = Objects.requireNonNull(client, "client");
        this.feed = feed == null || feed.isBlank() ? "iex" : feed;
    }

    String feed() {
        return feed;
    }

    /**
     * Alpaca's {@code timeframe} for a bar size: {@code 1Min}…{@code 59Min}, {@code 1Hour}…{@code 23Hour}, {@code 1Day}.
     *
     * @throws IllegalArgumentException for any other size (seconds, 90 minutes, a week…)
     */
    static String timeframe(Duration barSize) {
        long seconds = barSize.getSeconds();
        if (barSize.getNano() != 0 || seconds <= 0 || seconds % 60 != 0) {
            throw new IllegalArgumentException("Alpaca has no " + barSize + " bars (whole minutes only)");
        }
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + "Min";
        if (minutes % 60 == 0 && minutes / 60 < 24) return (minutes / 60) + "Hour";
        if (minutes == 24 * 60) return "1Day";
        throw new IllegalArgumentException("Alpaca has no " + barSize + " bars");
    }

    /**
     * The bars of {@code symbol} of {@code barSize} starting in [from, to), oldest first, all pages. A bar Alpaca sends
     * with an inconsistent range is left out (logged).
     */
    List<Bar> bars(String symbol, Duration barSize, Instant from, Instant to) {
        String tf = timeframe(barSize);
        List<Bar> out = new ArrayList<>();
        String token = null;
        do {
            String path = "/v2/stocks/" + encode(symbol) + "/bars?timeframe=" + tf + "&start=" + encode(from.toString())
                    + "&end=" + encode(to.toString()) + "&limit=" + PAGE_LIMIT + "&adjustment=raw&feed=" + encode(feed)
                    + "&sort=asc" + (token == null ? "" : "&page_token=" + encode(token));
            JsonNode page = client.get(path);
            for (JsonNode b : page.path("bars")) {
                Bar bar = bar(symbol, b);
                if (bar != null && !bar.start().isBefore(from) && bar.start().isBefore(to)) out.add(bar);
            }
            token = AlpacaClient.text(page, "next_page_token");
        } while (token != null && !token.isBlank());
        return out;
    }

    /** The price of {@code symbol}'s latest trade on the feed, empty when Alpaca has none. */
    Optional<BigDecimal> latestTradePrice(String symbol) {
        try {
            JsonNode answer = client.get("/v2/stocks/" + encode(symbol) + "/trades/latest?feed=" + encode(feed));
            return Optional.ofNullable(AlpacaClient.decimal(answer.path("trade"), "p"));
        } catch (AlpacaException e) {
            if (e.kind() == AlpacaException.Kind.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    /** One bar object ({@code t, o, h, l, c, v}) of the REST API or the stream; null when it is not a consistent bar. */
    static Bar bar(String symbol, JsonNode b) {
        try {
            BigDecimal volume = AlpacaClient.decimal(b, "v");
            return new Bar(AlpacaClient.instant(b, "t"), new Price(AlpacaClient.decimal(b, "o")), new Price(AlpacaClient.decimal(b, "h")),
                    new Price(AlpacaClient.decimal(b, "l")), new Price(AlpacaClient.decimal(b, "c")),
                    volume == null ? 0 : volume.longValue());
        } catch (RuntimeException e) {
            log.warn("Alpaca bar of {} left out: {}", symbol, e.getMessage());
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
