package io.tradepilot.brokers.alpaca;

import io.tradepilot.testing.StandInWebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alpaca's market-data websocket ({@code /v2/iex}), speaking its documented protocol: greets
 * with {@code [{"T":"success","msg":"connected"}]}, answers {@code auth} ({@code authenticated}, or
 * {@code [{"T":"error","code":402,"msg":"auth failed"}]}) and {@code subscribe} (a {@code subscription} message listing
 * the bars and trades), and lets a test {@link #bar push} minute bars or {@link #trade trades} and {@link #drop} the
 * connection.
 */
public final class StandInDataStream extends StandInWebSocketServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String key;
    private final String secret;
    private volatile boolean subscribed;
    private volatile boolean refusing;
    final AtomicInteger subscriptions = new AtomicInteger();
    final AtomicInteger authFailures = new AtomicInteger();
    final List<String> subscribedBars = new ArrayList<>();
    final List<String> subscribedTrades = new ArrayList<>();

    public StandInDataStream(String key, String secret) throws IOException {
        super("/v2/iex");
        this.key = key;
        this.secret = secret;
    }

    public boolean subscribed() {
        return subscribed && connected();
    }

    /** The symbols whose trades the last subscription asked for. */
    public List<String> subscribedTrades() {
        synchronized (subscribedBars) {
            return List.copyOf(subscribedTrades);
        }
    }

    /** How many subscriptions the stand-in answered (one per connection). */
    public int subscriptions() {
        return subscriptions.get();
    }

    /** Pushes one trade of {@code symbol} at {@code t} (RFC 3339), as Alpaca sends it ({@code price} a JSON number). */
    public void trade(String symbol, String t, String price, long size) throws IOException {
        sendText("[{\"T\":\"t\",\"S\":\"" + symbol + "\",\"i\":" + System.nanoTime() + ",\"x\":\"V\",\"p\":" + price
                + ",\"s\":" + size + ",\"c\":[\"@\"],\"z\":\"C\",\"t\":\"" + t + "\"}]");
    }

    /** Pushes one minute bar of {@code symbol} starting at {@code t} (RFC 3339), as Alpaca sends it. */
    void bar(String symbol, String t, String o, String h, String l, String c, long v) throws IOException {
        sendText("[{\"T\":\"b\",\"S\":\"" + symbol + "\",\"o\":" + o + ",\"h\":" + h + ",\"l\":" + l + ",\"c\":" + c
                + ",\"v\":" + v + ",\"t\":\"" + t + "\",\"n\":10,\"vw\":" + c + "}]");
    }

    /** While {@code refuse}, handshakes are answered 403 (the client keeps reconnecting): an outage that lasts. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    @Override
    protected boolean acceptHandshake(String requestLine) {
        return !refusing;
    }

    @Override
    public void drop() throws IOException {
        subscribed = false;
        super.drop();
    }

    @Override
    protected void onConnect() throws IOException {
        sendText("[{\"T\":\"success\",\"msg\":\"connected\"}]");
    }

    @Override
    protected void onText(String message) throws IOException {
        JsonNode msg = JSON.readTree(message);
        String action = msg.path("action").asString();
        if ("auth".equals(action)) {
            if (key.equals(msg.path("key").asString()) && secret.equals(msg.path("secret").asString())) {
                sendText("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
            } else {
                authFailures.incrementAndGet();
                sendText("[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
            }
        } else if ("subscribe".equals(action)) {
            List<String> bars = new ArrayList<>();
            for (JsonNode s : msg.path("bars")) bars.add("\"" + s.asString() + "\"");
            List<String> trades = new ArrayList<>();
            for (JsonNode s : msg.path("trades")) trades.add("\"" + s.asString() + "\"");
            synchronized (subscribedBars) {
                subscribedBars.clear();
                for (JsonNode s : msg.path("bars")) subscribedBars.add(s.asString());
                subscribedTrades.clear();
                for (JsonNode s : msg.path("trades")) subscribedTrades.add(s.asString());
            }
            sendText("[{\"T\":\"subscription\",\"trades\":" + trades + ",\"quotes\":[],\"bars\":" + bars + ",\"updatedBars\":[],"
                    + "\"dailyBars\":[],\"statuses\":[],\"lulds\":[],\"corrections\":[],\"cancelErrors\":[]}]");
            subscribed = true;
            subscriptions.incrementAndGet();
        }
    }

    @Override
    protected void onDisconnect() {
        subscribed = false;
    }
}
