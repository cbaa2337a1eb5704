package io.tradepilot.brokers.alpaca;

import io.tradepilot.testing.StandInWebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alpaca's {@code trade_updates} websocket ({@link StandInWebSocketServer}) that answers
 * {@code auth} (checking key and secret) and {@code listen} the way Alpaca documents, lets a test {@link #push} updates
 * (binary frames, as paper sends them) and {@link #drop} the connection abruptly. One client at a time.
 */
public final class StandInTradeStream extends StandInWebSocketServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String key;
    private final String secret;
    private volatile boolean listening;
    final AtomicInteger listens = new AtomicInteger();
    final AtomicInteger authFailures = new AtomicInteger();

    public StandInTradeStream(String key, String secret) throws IOException {
        super("/stream");
        this.key = key;
        this.secret = secret;
    }

    public boolean listening() {
        return listening && connected();
    }

    /** Sends a {@code trade_updates} message with {@code data} (a JSON object) as a binary frame, as paper does. */
    public void push(String dataJson) throws IOException {
        sendBinary("{\"stream\":\"trade_updates\",\"data\":" + dataJson + "}");
    }

    @Override
    public void drop() throws IOException {
        listening = false;
        super.drop();
    }

    @Override
    protected void onText(String message) throws IOException {
        JsonNode msg = JSON.readTree(message);
        String action = msg.path("action").asString();
        if ("auth".equals(action)) {
            boolean ok = key.equals(msg.path("key").asString()) && secret.equals(msg.path("secret").asString());
            if (!ok) authFailures.incrementAndGet();
            sendText("{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
                    + (ok ? "authorized" : "unauthorized") + "\"}}");
        } else if ("listen".equals(action)) {
            sendBinary("{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
            listening = true;
            listens.incrementAndGet();
        }
    }

    @Override
    protected void onDisconnect() {
        listening = false;
    }
}
