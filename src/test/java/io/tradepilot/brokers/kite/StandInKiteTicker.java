package io.tradepilot.brokers.kite;

import io.tradepilot.testing.WebSocketFrames;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the KiteTicker websocket, following Kite's documented protocol: the handshake carries
 * {@code api_key} and {@code access_token} (a wrong token is refused with HTTP 403, as Kite does), the client's
 * {@code {"a":"subscribe"}} and {@code {"a":"mode"}} messages are recorded, and a test pushes full-mode binary tick
 * packets ({@link #tick}), text order updates ({@link #orderUpdate}) and heartbeats, or drops the connection.
 */
final class StandInKiteTicker implements AutoCloseable {

    private final ServerSocket server;
    private volatile String token;
    private volatile Socket current;
    final Set<Long> subscribed = ConcurrentHashMap.newKeySet();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();

    StandInKiteTicker(String token) throws IOException {
        this.token = token;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        WebSocketFrames.acceptLoop(server, "stand-in-kite-ticker", this::serve);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Accepts only {@code t} from now on. */
    void token(String t) {
        this.token = t;
    }

    boolean connected() {
        Socket s = current;
        return s != null && !s.isClosed();
    }

    /** Sends one full-mode (184-byte) packet for {@code instrumentToken}, prices in paise. */
    synchronized void tick(long instrumentToken, String lastPrice, long lastQty, long volumeToday, Instant exchangeTime) throws IOException {
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
        send(WebSocketFrames.BINARY, p.array());
    }

    /** Sends Kite's order update text message with {@code orderJson} as data. */
    synchronized void orderUpdate(String orderJson) throws IOException {
        send(WebSocketFrames.TEXT, ("{\"type\":\"order\",\"data\":" + orderJson + "}").getBytes(StandardCharsets.UTF_8));
    }

    synchronized void heartbeat() throws IOException {
        send(WebSocketFrames.BINARY, new byte[] {0});
    }

    /** Cuts the connection without a close frame (a network drop). */
    void drop() throws IOException {
        Socket s = current;
        if (s != null) s.close();
    }

    private void send(int opcode, byte[] payload) throws IOException {
        Socket s = current;
        if (s == null) throw new IOException("no client");
        WebSocketFrames.send(s.getOutputStream(), opcode, payload);
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String request = WebSocketFrames.readHeaders(in);
            String firstLine = request.substring(0, request.indexOf("\r\n"));
            if (!firstLine.contains("access_token=" + token + "&") && !firstLine.contains("access_token=" + token + " ")
                    || !firstLine.contains("api_key=")) {
                refusals.incrementAndGet();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            WebSocketFrames.answerHandshake(request, out);
            synchronized (this) {
                current = s;
            }
            connections.incrementAndGet();
            DataInputStream data = new DataInputStream(in);
            while (true) {
                WebSocketFrames.Frame f = WebSocketFrames.read(data);
                if (f.opcode() == WebSocketFrames.CLOSE) return;
                if (f.opcode() == WebSocketFrames.PING) {
                    synchronized (this) { WebSocketFrames.send(out, WebSocketFrames.PONG, f.payload()); }
                    continue;
                }
                if (f.opcode() != WebSocketFrames.TEXT) continue;
                String text = f.text();
                if (text.contains("\"a\":\"subscribe\"")) {
                    String list = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
                    for (String t : List.of(list.split(","))) if (!t.isBlank()) subscribed.add(Long.parseLong(t.trim()));
                }
            }
        } catch (Exception connectionGone) {
            // dropped by the test or the client
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }
}
