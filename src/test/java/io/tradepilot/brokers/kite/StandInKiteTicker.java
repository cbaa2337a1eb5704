package io.tradepilot.brokers.kite;

import io.tradepilot.testing.StandInWebSocketServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the KiteTicker websocket, following Kite's documented protocol: the handshake carries
 * {@code api_key} and {@code access_token} (a wrong token is refused with HTTP 403, as Kite does), the client's
 * {@code {"a":"subscribe"}} messages are recorded, and a test pushes full-mode binary tick packets ({@link #tick}),
 * text order updates ({@link #orderUpdate}) and heartbeats, or drops the connection.
 */
final class StandInKiteTicker extends StandInWebSocketServer {

    private volatile String token;
    final Set<Long> subscribed = ConcurrentHashMap.newKeySet();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();

    StandInKiteTicker(String token) throws IOException {
        super("/");
        this.token = token;
    }

    /** Accepts only {@code t} from now on. */
    void token(String t) {
        this.token = t;
    }

    @Override
    protected boolean acceptHandshake(String requestLine) {
        boolean ok = (requestLine.contains("access_token=" + token + "&") || requestLine.contains("access_token=" + token + " "))
                && requestLine.contains("api_key=");
        if (!ok) refusals.incrementAndGet();
        return ok;
    }

    @Override
    protected void onConnect() {
        connections.incrementAndGet();
    }

    @Override
    protected void onText(String text) {
        if (text.contains("\"a\":\"subscribe\"")) {
            String list = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
            for (String t : List.of(list.split(","))) if (!t.isBlank()) subscribed.add(Long.parseLong(t.trim()));
        }
    }

    /** Sends one full-mode (184-byte) packet for {@code instrumentToken}, prices in paise. */
    void tick(long instrumentToken, String lastPrice, long lastQty, long volumeToday, Instant exchangeTime) throws IOException {
        ByteBuffer p = ByteBuffer.allocate(2 + 2 + 184);
        p.putShort((short) 1).putShort((short) 184);
        int base = p.position();
        p.putInt((int) instrumentToken);
        p.putInt(new BigDecimal(lastPrice).movePointRight(2).intValueExact());
        p.putInt((int) lastQty);
        p.putInt(0);
        p.putInt((int) volumeToday);
        p.position(base + 44);
        p.putInt((int) exchangeTime.getEpochSecond());
        p.position(base + 60);
        p.putInt((int) exchangeTime.getEpochSecond());
        sendBinary(p.array());
    }

    /** Sends Kite's order update text message with {@code orderJson} as data. */
    void orderUpdate(String orderJson) throws IOException {
        sendText("{\"type\":\"order\",\"data\":" + orderJson + "}");
    }

    void heartbeat() throws IOException {
        sendBinary(new byte[] {0});
    }
}
