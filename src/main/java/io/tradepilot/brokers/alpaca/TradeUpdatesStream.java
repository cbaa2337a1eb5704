package io.tradepilot.brokers.alpaca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Alpaca's {@code trade_updates} websocket ({@code wss://.../stream}) on {@link java.net.http.WebSocket}: connects,
 * authenticates ({@code {"action":"auth","key":…,"secret":…}}, answered by {@code {"stream":"authorization","data":
 * {"status":"authorized"}}}), listens ({@code {"action":"listen","data":{"streams":["trade_updates"]}}}, answered by
 * {@code "stream":"listening"}), and hands every {@code trade_updates} message's {@code data} to {@code onUpdate}.
 * Alpaca sends text or binary frames (paper sends binary): both are read. When the connection drops, fails or is
 * refused, or is not subscribed within twice the request timeout, it reconnects after {@code reconnectMin}, doubling
 * up to {@code reconnectMax} ({@link AlpacaStream}); {@code onListening} runs
 * after every successful (re)subscription, so the owner can back-fill what it missed meanwhile. Callbacks run on
 * {@code executor}, one at a time, in the order messages arrived. The secret is never logged.
 */
public final class TradeUpdatesStream extends AlpacaStream {

    private static final Logger log = LoggerFactory.getLogger(TradeUpdatesStream.class);

    private final AlpacaConfig config;
    private final Consumer<JsonNode> onUpdate;
    private final Runnable onListening;

    public TradeUpdatesStream(HttpClient http, AlpacaConfig config, ScheduledExecutorService executor,
                              Consumer<JsonNode> onUpdate, Runnable onListening) {
        super(http, Objects.requireNonNull(config.streamUrl(), "config.streamUrl"), "trade_updates", config.requestTimeout(),
                config.reconnectMin(), config.reconnectMax(), executor);
        this.config = config;
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        this.onListening = Objects.requireNonNull(onListening, "onListening");
    }

    @Override
    void onOpen(Connection connection) {
        ObjectNode auth = AlpacaClient.JSON.createObjectNode();
        auth.put("action", "auth");
        auth.put("key", config.keyId());
        auth.put("secret", config.secretKey());
        connection.send(AlpacaClient.JSON.writeValueAsString(auth));
    }

    @Override
    void onMessage(Connection connection, String text) {
        JsonNode msg;
        try {
            msg = AlpacaClient.JSON.readTree(text);
        } catch (JacksonException e) {
            log.warn("Alpaca trade_updates: unreadable message ignored");
            return;
        }
        String stream = AlpacaClient.text(msg, "stream");
        JsonNode data = msg.path("data");
        if ("authorization".equals(stream)) {
            if ("authorized".equals(AlpacaClient.text(data, "status"))) {
                ObjectNode listen = AlpacaClient.JSON.createObjectNode();
                listen.put("action", "listen");
                listen.putObject("data").putArray("streams").add("trade_updates");
                connection.send(AlpacaClient.JSON.writeValueAsString(listen));
            } else {
                connection.fail("not authorized (" + AlpacaClient.text(data, "message") + ")");
            }
        } else if ("listening".equals(stream)) {
            boolean tradeUpdates = false;
            for (JsonNode s : data.path("streams")) tradeUpdates |= "trade_updates".equals(s.asString());
            if (!tradeUpdates) {
                connection.fail("trade_updates not granted");
                return;
            }
            connection.subscribed();
        } else if ("trade_updates".equals(stream)) {
            onUpdate.accept(data);
        }
    }

    @Override
    void onSubscribed(int connection) {
        onListening.run();
    }
}
