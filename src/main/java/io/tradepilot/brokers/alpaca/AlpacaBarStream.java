package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.engine.domain.Bar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Alpaca's market-data websocket for stocks ({@code wss://stream.data.alpaca.markets/v2/{feed}}): on Alpaca's
 * {@code [{"T":"success","msg":"connected"}]} it authenticates ({@code {"action":"auth","key":…,"secret":…}},
 * answered by {@code [{"T":"success","msg":"authenticated"}]}), subscribes the minute bars of its symbols
 * ({@code {"action":"subscribe","bars":[…]}}, answered by {@code [{"T":"subscription","bars":[…],…}]}) and hands every
 * bar ({@code {"T":"b","S":symbol,"o","h","l","c","v","t"}}, {@code t} the minute's start) to {@code onBar}. An
 * {@code error} message ({@code 402 auth failed}, {@code 406 connection limit exceeded}, …) or a subscription without
 * all symbols gives the connection up; it reconnects like every {@link AlpacaStream}, and {@code onSubscribed} runs after
 * each (re)subscription with its count, so the owner back-fills the gap. Callbacks run on {@code executor}.
 *
 * <p>Made with {@link #trades}, it subscribes the symbols' trades instead ({@code {"action":"subscribe","trades":[…]}})
 * and hands every trade ({@code {"T":"t","S":symbol,"p":price,"s":size,"t":time,…}}, exact decimals) to {@code onTrade}.
 */
final class AlpacaBarStream extends AlpacaStream {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBarStream.class);

    private final AlpacaConfig config;
    private final List<String> symbols;
    private final BiConsumer<String, Bar> onBar;
    private final BiConsumer<String, MarketTrade> onTrade;
    /** The channel subscribed: {@code bars} or {@code trades}. */
    private final String channel;
    private final IntConsumer onSubscribed;
    private final Runnable onDropped;

    AlpacaBarStream(HttpClient http, AlpacaConfig config, URI url, List<String> symbols, ScheduledExecutorService executor,
                    BiConsumer<String, Bar> onBar, IntConsumer onSubscribed) {
        this(http, config, url, symbols, executor, Objects.requireNonNull(onBar, "onBar"), null, onSubscribed, () -> { });
    }

    private AlpacaBarStream(HttpClient http, AlpacaConfig config, URI url, List<String> symbols, ScheduledExecutorService executor,
                            BiConsumer<String, Bar> onBar, BiConsumer<String, MarketTrade> onTrade, IntConsumer onSubscribed,
                            Runnable onDropped) {
        super(http, url, "market data", config.requestTimeout(), config.reconnectMin(), config.reconnectMax(), executor);
        this.config = config;
        this.symbols = List.copyOf(symbols);
        this.onBar = onBar;
        this.onTrade = onTrade;
        this.channel = onTrade != null ? "trades" : "bars";
        this.onSubscribed = Objects.requireNonNull(onSubscribed, "onSubscribed");
        this.onDropped = Objects.requireNonNull(onDropped, "onDropped");
    }

    /** A stream of the symbols' trades (each to {@code onTrade}) instead of their minute bars; {@code onDropped} after each drop. */
    static AlpacaBarStream trades(HttpClient http, AlpacaConfig config, URI url, List<String> symbols, ScheduledExecutorService executor,
                                  BiConsumer<String, MarketTrade> onTrade, IntConsumer onSubscribed, Runnable onDropped) {
        return new AlpacaBarStream(http, config, url, symbols, executor, null, Objects.requireNonNull(onTrade, "onTrade"), onSubscribed,
                onDropped);
    }

    @Override
    void onOpen(Connection connection) {
        // Alpaca greets first ("connected"); the authentication follows the greeting
    }

    @Override
    void onMessage(Connection connection, String text) {
        JsonNode messages;
        try {
            messages = AlpacaClient.JSON.readTree(text);
        } catch (JacksonException e) {
            log.warn("Alpaca market data: unreadable message ignored");
            return;
        }
        for (JsonNode m : messages.isArray() ? messages : AlpacaClient.JSON.createArrayNode().add(messages)) {
            String type = AlpacaClient.text(m, "T");
            if (type == null) continue;
            switch (type) {
                case "success" -> {
                    String msg = AlpacaClient.text(m, "msg");
                    if ("connected".equals(msg)) {
                        ObjectNode auth = AlpacaClient.JSON.createObjectNode();
                        auth.put("action", "auth");
                        auth.put("key", config.keyId());
                        auth.put("secret", config.secretKey());
                        connection.send(AlpacaClient.JSON.writeValueAsString(auth));
                    } else if ("authenticated".equals(msg)) {
                        ObjectNode subscribe = AlpacaClient.JSON.createObjectNode();
                        subscribe.put("action", "subscribe");
                        ArrayNode wanted = subscribe.putArray(channel);
                        symbols.forEach(wanted::add);
                        connection.send(AlpacaClient.JSON.writeValueAsString(subscribe));
                    }
                }
                case "error" -> {
                    connection.fail("error " + AlpacaClient.text(m, "code") + " (" + AlpacaClient.text(m, "msg") + ")");
                    return;
                }
                case "subscription" -> {
                    Set<String> granted = new HashSet<>();
                    for (JsonNode s : m.path(channel)) granted.add(s.asString());
                    if (!granted.containsAll(symbols)) {
                        connection.fail(channel + " not granted for every symbol");
                        return;
                    }
                    try {
                        connection.subscribed();
                    } catch (RuntimeException backfill) {
                        connection.fail("back-fill failed: " + backfill.getMessage());
                        return;
                    }
                }
                case "b" -> {
                    String symbol = AlpacaClient.text(m, "S");
                    Bar bar = onBar == null ? null : AlpacaMarketData.bar(symbol, m);
                    if (symbol != null && bar != null) onBar.accept(symbol, bar);
                }
                case "t" -> {
                    String symbol = AlpacaClient.text(m, "S");
                    MarketTrade trade = onTrade == null ? null : trade(symbol, m);
                    if (symbol != null && trade != null) onTrade.accept(symbol, trade);
                }
                default -> {
                    // quotes, statuses, corrections, cancel errors: not subscribed, not used
                }
            }
        }
    }

    /** One trade message ({@code p}, {@code s}, {@code t}); null (logged) when it is not a usable trade. */
    static MarketTrade trade(String symbol, JsonNode m) {
        try {
            java.math.BigDecimal size = AlpacaClient.decimal(m, "s");
            return MarketTrade.trade(AlpacaClient.instant(m, "t"), AlpacaClient.decimal(m, "p"),
                    size == null ? 0 : size.longValue());
        } catch (RuntimeException e) {
            log.warn("Alpaca trade of {} left out: {}", symbol, e.getMessage());
            return null;
        }
    }

    @Override
    void onSubscribed(int connection) {
        onSubscribed.accept(connection);
    }

    @Override
    void onDropped() {
        onDropped.run();
    }
}
