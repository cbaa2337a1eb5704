package io.tradepilot.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The server side of RFC 6455 for the tests' websocket stand-ins (broker streams): the opening handshake, reading a
 * client's (masked) frame, writing an unmasked frame. Just enough for one client per connection; no extensions.
 */
public final class WebSocketFrames {

    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private WebSocketFrames() {
    }

    /** One frame a client sent. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * Accepts connections on {@code server} on a daemon thread named {@code name} until it is closed, serving each on its
     * own daemon thread with {@code handler}; returns the accepting thread.
     */
    public static Thread acceptLoop(java.net.ServerSocket server, String name, java.util.function.Consumer<java.net.Socket> handler) {
        return Thread.ofPlatform().daemon(true).name(name).start(() -> {
            while (!server.isClosed()) {
                try {
                    java.net.Socket s = server.accept();
                    Thread.ofPlatform().daemon(true).name(name + "-conn").start(() -> handler.accept(s));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** Reads the HTTP upgrade request and answers 101; returns the request (request line and headers). */
    public static String acceptHandshake(InputStream in, OutputStream out) throws IOException {
        String request = readHeaders(in);
        answerHandshake(request, out);
        return request;
    }

    /** Answers 101 to an upgrade {@code request} already read ({@link #readHeaders}). */
    public static void answerHandshake(String request, OutputStream out) throws IOException {
        String wsKey = null;
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) wsKey = line.substring(colon + 1).trim();
        }
        try {
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((wsKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the HTTP request head (up to the blank line). */
    public static String readHeaders(InputStream in) throws IOException {
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

    /** Reads one frame (unmasking it). */
    public static Frame read(DataInputStream data) throws IOException {
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        long len = b1 & 0x7F;
        if (len == 126) len = data.readUnsignedShort();
        else if (len == 127) len = data.readLong();
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) data.readFully(mask);
        byte[] payload = new byte[(int) len];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
        return new Frame(b0 & 0x0F, payload);
    }

    /** Writes one unmasked, final frame. */
    public static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
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
}
