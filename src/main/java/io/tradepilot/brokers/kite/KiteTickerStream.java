package io.tradepilot.brokers.kite;

import io.tradepilot.brokers.internal.WebSocketMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The KiteTicker websocket ({@code wss://ws.kite.trade?api_key=…&access_token=…}) on the JDK client, following Kite's
 * documented protocol: the client sends {@code {"a":"subscribe","v":[tokens]}} and {@code {"a":"mode","v":["full",[tokens]]}};
 * Kite sends binary frames of tick packets (a 2-byte packet count, then per packet a 2-byte length and the packet:
 * 8 bytes LTP, 44 quote, 184 full; big-endian int32 prices in paise), 1-byte heartbeats, and text messages
 * {@code {"type":"order","data":{…}}} (order updates) and {@code {"type":"error","data":"…"}}.
 *
 * <p>Everything is handed to the callbacks on the adapter's thread ({@code thread}). After a drop the stream
 * reconnects (from {@code reconnectMin}, doubling, at most {@code reconnectMax}), re-subscribes and calls
 * {@code onConnected} (the adapter back-fills what it missed); {@code onDropped} hears each drop. A handshake refused with 403 (the access token expired)
 * is reported to {@code onTokenRefused} and not retried until {@link #accessToken} gives a new token: no retry storm.
 */
public final class KiteTickerStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KiteTickerStream.class);
    private static final int NSE_CD = 3;
    private static final int BSE_CD = 6;

    private final HttpClient http;
    private final KiteConfig config;
    private final ScheduledExecutorService thread;
    private final Consumer<List<KiteTick>> onTicks;
    private final Consumer<KiteOrder> onOrder;
    private final Runnable onConnected;
    private final Runnable onTokenRefused;
    private final Runnable onDropped;
    private final Set<Long> tokens = new LinkedHashSet<>(); // adapter thread
    private volatile String accessToken;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile boolean tokenRefused;
    private Duration nextWait; // adapter thread
    private int generation;    // adapter thread: ignore callbacks of an abandoned socket

    public KiteTickerStream(HttpClient http, KiteConfig config, ScheduledExecutorService thread, Consumer<List<KiteTick>> onTicks,
                            Consumer<KiteOrder> onOrder, Runnable onConnected, Runnable onTokenRefused, Runnable onDropped) {
        this.http = http;
        this.config = config;
        this.thread = thread;
        this.onTicks = onTicks;
        this.onOrder = onOrder;
        this.onConnected = onConnected;
        this.onTokenRefused = onTokenRefused;
        this.onDropped = onDropped;
        this.nextWait = config.reconnectMin();
    }

    /** Sets the day's access token; after a refused one this connects again. */
    public void accessToken(String token) {
        this.accessToken = token;
        thread.execute(() -> {
            if (tokenRefused && !closed) {
                tokenRefused = false;
                connect();
            }
        });
    }

    /** Connects (on the adapter's thread). */
    public void start() {
        thread.execute(this::connect);
    }

    /** Adds instruments to the subscription ({@code full} mode), now if connected, else on connecting. */
    public void subscribe(List<Long> instrumentTokens) {
        thread.execute(() -> {
            tokens.addAll(instrumentTokens);
            WebSocket ws = socket;
            if (ws != null && connected) sendSubscription(ws, instrumentTokens);
        });
    }

    /** Whether the socket is open now. */
    public boolean connected() {
        return connected;
    }

    /** Whether Kite refused the last handshake for the token (login needed). */
    public boolean tokenRefused() {
        return tokenRefused;
    }

    private void connect() {
        if (closed || tokenRefused || config.tickerUrl() == null) return;
        String token = accessToken;
        if (token == null) {
            tokenRefused = true;
            onTokenRefused.run();
            return;
        }
        int gen = ++generation;
        URI uri = URI.create(config.tickerUrl() + (config.tickerUrl().getQuery() == null ? "?" : "&")
                + "api_key=" + URLEncoder.encode(config.apiKey(), StandardCharsets.UTF_8)
                + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        http.newWebSocketBuilder().connectTimeout(config.requestTimeout()).buildAsync(uri, listener(gen))
                .whenComplete((ws, error) -> thread.execute(() -> {
                    if (gen != generation || closed) {
                        if (ws != null) ws.abort();
                        return;
                    }
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 403) {
                            log.warn("KiteTicker refused the access token (403): login needed");
                            tokenRefused = true;
                            onTokenRefused.run();
                            return;
                        }
                        log.warn("KiteTicker: cannot connect ({}); again in {} ms", cause.getClass().getSimpleName(), nextWait.toMillis());
                        retryLater();
                        return;
                    }
                    socket = ws;
                    connected = true;
                    nextWait = config.reconnectMin();
                    if (!tokens.isEmpty()) sendSubscription(ws, List.copyOf(tokens));
                    onConnected.run();
                }));
    }

    private void retryLater() {
        Duration wait = nextWait;
        Duration doubled = nextWait.multipliedBy(2);
        nextWait = doubled.compareTo(config.reconnectMax()) > 0 ? config.reconnectMax() : doubled;
        thread.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void sendSubscription(WebSocket ws, List<Long> list) {
        String v = list.stream().map(String::valueOf).collect(Collectors.joining(","));
        ws.sendText("{\"a\":\"subscribe\",\"v\":[" + v + "]}", true)
                .thenCompose(w -> w.sendText("{\"a\":\"mode\",\"v\":[\"full\",[" + v + "]]}", true));
    }

    /** The ticks of one binary message (heartbeats and unknown packet sizes give none). */
    static List<KiteTick> parse(byte[] message) {
        List<KiteTick> out = new ArrayList<>();
        if (message.length < 4) return out; // heartbeat
        ByteBuffer b = ByteBuffer.wrap(message);
        int packets = b.getShort() & 0xFFFF;
        for (int i = 0; i < packets && b.remaining() >= 2; i++) {
            int length = b.getShort() & 0xFFFF;
            if (b.remaining() < length) break;
            int start = b.position();
            long token = b.getInt(start) & 0xFFFFFFFFL;
            int segment = (int) (token & 0xFF);
            int scale = segment == NSE_CD ? 7 : segment == BSE_CD ? 4 : 2;
            if (length == 8 || length >= 44) {
                BigDecimal ltp = BigDecimal.valueOf(b.getInt(start + 4), scale);
                long lastQty = length >= 44 ? b.getInt(start + 8) & 0xFFFFFFFFL : 0;
                long volume = length >= 44 ? b.getInt(start + 16) & 0xFFFFFFFFL : 0;
                Instant lastTrade = length >= 184 ? epoch(b.getInt(start + 44)) : null;
                Instant exchange = length >= 184 ? epoch(b.getInt(start + 60)) : null;
                out.add(new KiteTick(token, ltp, lastQty, volume, lastTrade, exchange));
            }
            b.position(start + length);
        }
        return out;
    }

    private static Instant epoch(int seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds & 0xFFFFFFFFL);
    }

    private void onText(String text) {
        try {
            JsonNode msg = KiteClient.JSON.readTree(text);
            String type = KiteClient.text(msg, "type");
            if ("order".equals(type) && msg.get("data") != null) onOrder.accept(KiteClient.order(msg.get("data")));
            else if ("error".equals(type)) log.warn("KiteTicker error: {}", KiteClient.text(msg, "data"));
        } catch (RuntimeException e) { // Jackson's exceptions included
            log.warn("KiteTicker: unreadable text message ({})", e.getClass().getSimpleName());
        }
    }

    /** The connection of generation {@code gen}: its messages and its end go to the adapter thread. */
    private WebSocketMessages listener(int gen) {
        return new WebSocketMessages(new WebSocketMessages.Handler() {
            @Override
            public void text(WebSocket ws, String message) {
                thread.execute(() -> { if (gen == generation) KiteTickerStream.this.onText(message); });
            }

            @Override
            public void binary(WebSocket ws, byte[] message) {
                thread.execute(() -> {
                    if (gen != generation) return;
                    List<KiteTick> ticks = parse(message);
                    if (!ticks.isEmpty()) onTicks.accept(ticks);
                });
            }

            @Override
            public void dropped(String why) {
                thread.execute(() -> KiteTickerStream.this.dropped(gen, why));
            }
        });
    }

    private void dropped(int gen, String why) {
        if (gen != generation || closed) return;
        connected = false;
        socket = null;
        log.warn("KiteTicker dropped ({}); reconnecting in {} ms", why, nextWait.toMillis());
        onDropped.run();
        retryLater();
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }
}
