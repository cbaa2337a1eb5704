package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.internal.WebSocketMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The plumbing Alpaca's websockets share ({@code trade_updates}, market data), on {@link java.net.http.WebSocket}:
 * connects, hands every complete message (text or binary frames — Alpaca paper sends binary) to the protocol
 * ({@link #onMessage}) on {@code executor}, one at a time in arrival order, and reconnects when the connection drops,
 * fails, is refused, or is not {@linkplain Connection#subscribed() subscribed} within twice the request timeout: after
 * {@code reconnectMin}, doubling up to {@code reconnectMax}. A subclass speaks the protocol: authentication and
 * subscription, then data. No credential is ever logged.
 */
abstract class AlpacaStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlpacaStream.class);

    private final HttpClient http;
    private final URI url;
    private final String label;
    private final Duration requestTimeout;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    final ScheduledExecutorService executor;
    private volatile WebSocket socket;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile int connections;
    private volatile String lastError;
    private int failedAttempts; // executor thread only
    private long generation;    // executor thread only: the current connection attempt

    AlpacaStream(HttpClient http, URI url, String label, Duration requestTimeout, Duration reconnectMin, Duration reconnectMax,
                 ScheduledExecutorService executor) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = Objects.requireNonNull(url, "url");
        this.label = label;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.reconnectMin = Objects.requireNonNull(reconnectMin, "reconnectMin");
        this.reconnectMax = Objects.requireNonNull(reconnectMax, "reconnectMax");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** One connection attempt, as the protocol sees it (executor thread). */
    final class Connection {
        private final long g;
        private final WebSocket ws;

        private Connection(long g, WebSocket ws) {
            this.g = g;
            this.ws = ws;
        }

        void send(String json) {
            ws.sendText(json, true);
        }

        /** The protocol gives this connection up (refused authorization, an error message): reconnects. */
        void fail(String why) {
            ws.abort();
            dropped(g, why);
        }

        /** The protocol is subscribed: receiving data now. Runs {@link #onSubscribed} (e.g. a back-fill). */
        void subscribed() {
            if (g != generation) return;
            listening = true;
            failedAttempts = 0;
            connections++;
            lastError = null;
            log.info("Alpaca {}: listening (connection {})", label, connections);
            onSubscribed(connections);
        }
    }

    /** The connection is open: e.g. send the authentication (executor thread). */
    abstract void onOpen(Connection connection);

    /** One complete message (executor thread). */
    abstract void onMessage(Connection connection, String text);

    /** After every (re)subscription; {@code connection} counts them from 1 (executor thread). */
    abstract void onSubscribed(int connection);

    /** The connection dropped or was given up; a reconnect follows (executor thread). Nothing by default. */
    void onDropped() { }

    /** Connects (asynchronously); reconnects by itself until {@link #close()}. */
    public void start() {
        post(this::connect);
    }

    /** Subscribed and receiving now. */
    public boolean listening() {
        return listening;
    }

    /** How many times the stream reached the subscribed state (1 after the first connection). */
    public int connections() {
        return connections;
    }

    /** Why the last connection was given up, null while subscribed or before any failure; never a credential. */
    public String lastError() {
        return lastError;
    }

    private void connect() {
        if (closed) return;
        long g = ++generation;
        log.debug("Alpaca {}: connecting to {}", label, url);
        http.newWebSocketBuilder().connectTimeout(requestTimeout).buildAsync(url, listener(g))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        post(() -> dropped(g, "cannot connect: " + error.getClass().getSimpleName()));
                    } else {
                        socket = ws;
                        post(() -> {
                            if (g == generation && !closed) onOpen(new Connection(g, ws));
                        });
                    }
                });
        // a connection that is not subscribed in time (no handshake answer, no authorization, no subscription) is dropped
        long limit = requestTimeout.multipliedBy(2).toMillis();
        executor.schedule(() -> {
            if (g == generation && !listening) {
                WebSocket ws = socket;
                if (ws != null) ws.abort();
                dropped(g, "not subscribed within " + limit + " ms");
            }
        }, limit, TimeUnit.MILLISECONDS);
    }

    /** Connection {@code g} is gone (executor thread): reconnects after a backoff, once per connection. */
    private void dropped(long g, String why) {
        if (g != generation || closed) return; // an older connection, or already handled
        generation++;
        listening = false;
        lastError = why;
        onDropped();
        log.warn("Alpaca {}: {}; reconnecting", label, why);
        failedAttempts++;
        long min = reconnectMin.toMillis();
        long wait = Math.min(reconnectMax.toMillis(), min << Math.min(failedAttempts - 1, 16));
        executor.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private void message(long g, WebSocket ws, String text) {
        if (g != generation || closed) return; // from a connection given up
        onMessage(new Connection(g, ws), text);
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }

    /** The connection of generation {@code g}: its messages and its end go to the executor. */
    private WebSocketMessages listener(long g) {
        return new WebSocketMessages(new WebSocketMessages.Handler() {
            @Override
            public void text(WebSocket ws, String message) {
                post(() -> message(g, ws, message));
            }

            @Override
            public void binary(WebSocket ws, byte[] message) {
                String text = new String(message, StandardCharsets.UTF_8);
                post(() -> message(g, ws, text));
            }

            @Override
            public void dropped(String why) {
                post(() -> AlpacaStream.this.dropped(g, "connection " + why));
            }
        });
    }

    void post(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the owner closed: nothing more to deliver
        }
    }
}
