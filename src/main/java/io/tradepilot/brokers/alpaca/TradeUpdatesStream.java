package io.tradepilot.brokers.alpaca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Alpaca's {@code trade_updates} websocket ({@code wss://.../stream}) on {@link java.net.http.WebSocket}: connects,
 * authenticates ({@code {"action":"auth","key":…,"secret":…}}, answered by {@code {"stream":"authorization","data":
 * {"status":"authorized"}}}), listens ({@code {"action":"listen","data":{"streams":["trade_updates"]}}}, answered by
 * {@code "stream":"listening"}), and hands every {@code trade_updates} message's {@code data} to {@code onUpdate}.
 * Alpaca sends text or binary frames (paper sends binary): both are read. When the connection drops, fails or is
 * refused, or is not subscribed within twice the request timeout, it reconnects after {@code reconnectMin}, doubling
 * up to {@code reconnectMax}; {@code onListening} runs
 * after every successful (re)subscription, so the owner can back-fill what it missed meanwhile. Callbacks run on
 * {@code executor}, one at a time, in the order messages arrived. The secret is never logged.
 */
public final class TradeUpdatesStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TradeUpdatesStream.class);

    private final HttpClient http;
    private final AlpacaConfig config;
    private final ScheduledExecutorService executor;
    private final Consumer<JsonNode> onUpdate;
    private final Runnable onListening;
    private volatile WebSocket socket;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile int connections;
    private int failedAttempts; // executor thread only
    private long generation;    // executor thread only: the current connection attempt

    public TradeUpdatesStream(HttpClient http, AlpacaConfig config, ScheduledExecutorService executor,
                              Consumer<JsonNode> onUpdate, Runnable onListening) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(config.streamUrl(), "config.streamUrl");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        this.onListening = Objects.requireNonNull(onListening, "onListening");
    }

    /** Connects (asynchronously); reconnects by itself until {@link #close()}. */
    public void start() {
        post(this::connect);
    }

    /** Subscribed and receiving updates now. */
    public boolean listening() {
        return listening;
    }

    /** How many times the stream reached the listening state (1 after the first connection). */
    public int connections() {
        return connections;
    }

    private void connect() {
        if (closed) return;
        long g = ++generation;
        URI url = config.streamUrl();
        log.debug("Alpaca trade_updates: connecting to {}", url);
        http.newWebSocketBuilder().connectTimeout(config.requestTimeout()).buildAsync(url, new Listener(g))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        post(() -> dropped(g, "cannot connect: " + error.getClass().getSimpleName()));
                    } else {
                        socket = ws;
                        ObjectNode auth = AlpacaClient.JSON.createObjectNode();
                        auth.put("action", "auth");
                        auth.put("key", config.keyId());
                        auth.put("secret", config.secretKey());
                        ws.sendText(AlpacaClient.JSON.writeValueAsString(auth), true);
                    }
                });
        // a connection that is not subscribed in time (no handshake answer, no authorization, no listening) is dropped
        executor.schedule(() -> {
            if (g == generation && !listening) {
                WebSocket ws = socket;
                if (ws != null) ws.abort();
                dropped(g, "not subscribed within " + config.requestTimeout().multipliedBy(2).toMillis() + " ms");
            }
        }, config.requestTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connection {@code g} is gone (executor thread): reconnects after a backoff, once per connection. */
    private void dropped(long g, String why) {
        if (g != generation || closed) return; // an older connection, or already handled
        generation++;
        listening = false;
        log.warn("Alpaca trade_updates: {}; reconnecting", why);
        failedAttempts++;
        long min = config.reconnectMin().toMillis();
        long wait = Math.min(config.reconnectMax().toMillis(), min << Math.min(failedAttempts - 1, 16));
        executor.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private void onMessage(long g, WebSocket ws, String text) {
        if (g != generation) return; // from a connection given up
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
                ws.sendText(AlpacaClient.JSON.writeValueAsString(listen), true);
            } else {
                ws.abort();
                dropped(g, "not authorized (" + AlpacaClient.text(data, "message") + ")");
            }
        } else if ("listening".equals(stream)) {
            boolean tradeUpdates = false;
            for (JsonNode s : data.path("streams")) tradeUpdates |= "trade_updates".equals(s.asString());
            if (!tradeUpdates) {
                ws.abort();
                dropped(g, "trade_updates not granted");
                return;
            }
            listening = true;
            failedAttempts = 0;
            connections++;
            log.info("Alpaca trade_updates: listening (connection {})", connections);
            onListening.run();
        } else if ("trade_updates".equals(stream)) {
            onUpdate.accept(data);
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final long g;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Listener(long generation) {
            this.g = generation;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                post(() -> onMessage(g, ws, message));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                post(() -> onMessage(g, ws, message));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            post(() -> dropped(g, "connection closed (" + statusCode + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            post(() -> dropped(g, "connection lost (" + error.getClass().getSimpleName() + ")"));
        }
    }

    private void post(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the owner closed: nothing more to deliver
        }
    }
}
