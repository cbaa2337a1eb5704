package io.tradepilot.brokers.alpaca;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alpaca's {@code trade_updates} websocket: a minimal RFC 6455 server (handshake, masked client
 * text frames, unmasked server frames, binary as Alpaca paper sends) that answers {@code auth} (checking key and
 * secret) and {@code listen} the way Alpaca documents, lets a test {@link #push} updates and {@link #drop} the
 * connection abruptly. One client at a time.
 */
public final class StandInTradeStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerSocket server;
    private final String key;
    private final String secret;
    private final Thread acceptor;
    private volatile Socket current;
    private volatile boolean listening;
    final AtomicInteger listens = new AtomicInteger();
    final AtomicInteger authFailures = new AtomicInteger();

    public StandInTradeStream(String key, String secret) throws IOException {
        this.key = key;
        this.secret = secret;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon(true).name("stand-in-stream").start(this::acceptLoop);
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/stream");
    }

    public boolean listening() {
        return listening && current != null && !current.isClosed();
    }

    /** Sends a {@code trade_updates} message with {@code data} (a JSON object) as a binary frame, as paper does. */
    public synchronized void push(String dataJson) throws IOException {
        Socket s = current;
        if (s == null) throw new IOException("no client");
        send(s.getOutputStream(), 0x2, ("{\"stream\":\"trade_updates\",\"data\":" + dataJson + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts the connection without a close frame (a network drop). */
    public void drop() throws IOException {
        listening = false;
        Socket s = current;
        if (s != null) s.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofPlatform().daemon(true).name("stand-in-stream-conn").start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String request = readHeaders(in);
            String wsKey = null;
            for (String line : request.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) wsKey = line.substring(colon + 1).trim();
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((wsKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            current = s;
            DataInputStream data = new DataInputStream(in);
            while (true) {
                int b0 = data.readUnsignedByte();
                int b1 = data.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) len = data.readUnsignedShort();
                else if (len == 127) len = data.readLong();
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) data.readFully(mask);
                byte[] payload = new byte[(int) len];
                data.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
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

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) throw new IOException("eof in handshake");
            buf.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            for (int i = 7; i >= 0; i--) frame.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
        acceptor.interrupt();
    }
}
