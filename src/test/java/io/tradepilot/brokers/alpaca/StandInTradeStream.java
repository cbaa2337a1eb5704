package io.tradepilot.brokers.alpaca;

import io.tradepilot.testing.WebSocketFrames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alpaca's {@code trade_updates} websocket: a minimal RFC 6455 server (handshake, masked client
 * text frames, unmasked server frames, binary as Alpaca paper sends) that answers {@code auth} (checking key and
 * secret) and {@code listen} the way Alpaca documents, lets a test {@link #push} updates and {@link #drop} the
 * connection abruptly. One client at a time.
 */
final class StandInTradeStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerSocket server;
    private final String key;
    private final String secret;
    private final Thread acceptor;
    private volatile Socket current;
    private volatile boolean listening;
    final AtomicInteger listens = new AtomicInteger();
    final AtomicInteger authFailures = new AtomicInteger();

    StandInTradeStream(String key, String secret) throws IOException {
        this.key = key;
        this.secret = secret;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = WebSocketFrames.acceptLoop(server, "stand-in-stream", this::serve);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/stream");
    }

    boolean listening() {
        return listening && current != null && !current.isClosed();
    }

    /** Sends a {@code trade_updates} message with {@code data} (a JSON object) as a binary frame, as paper does. */
    synchronized void push(String dataJson) throws IOException {
        Socket s = current;
        if (s == null) throw new IOException("no client");
        send(s.getOutputStream(), 0x2, ("{\"stream\":\"trade_updates\",\"data\":" + dataJson + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts the connection without a close frame (a network drop). */
    void drop() throws IOException {
        listening = false;
        Socket s = current;
        if (s != null) s.close();
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            WebSocketFrames.acceptHandshake(in, out);
            current = s;
            DataInputStream data = new DataInputStream(in);
            while (true) {
                WebSocketFrames.Frame frame = WebSocketFrames.read(data);
                int opcode = frame.opcode();
                byte[] payload = frame.payload();
                if (opcode == 0x8) {
                    synchronized (this) { send(out, 0x8, new byte[0]); }
                    return;
                }
                if (opcode == 0x9) {
                    synchronized (this) { send(out, 0xA, payload); }
                    continue;
                }
                if (opcode != 0x1) continue;
                JsonNode msg = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
                String action = msg.path("action").asString();
                synchronized (this) {
                    if ("auth".equals(action)) {
                        boolean ok = key.equals(msg.path("key").asString()) && secret.equals(msg.path("secret").asString());
                        if (!ok) authFailures.incrementAndGet();
                        send(out, 0x1, ("{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
                                + (ok ? "authorized" : "unauthorized") + "\"}}").getBytes(StandardCharsets.UTF_8));
                    } else if ("listen".equals(action)) {
                        send(out, 0x2, "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}".getBytes(StandardCharsets.UTF_8));
                        listening = true;
                        listens.incrementAndGet();
                    }
                }
            }
        } catch (Exception connectionGone) {
            // dropped by the test or the client
        } finally {
            if (current == s) listening = false;
        }
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        WebSocketFrames.send(out, opcode, payload);
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
        acceptor.interrupt();
    }
}
