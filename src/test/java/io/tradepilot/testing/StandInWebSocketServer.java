package io.tradepilot.testing;

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

/**
 * A minimal local websocket server (RFC 6455: handshake, masked client frames, unmasked server frames, ping/pong,
 * close) for stand-ins of brokers' streams. A subclass speaks the broker's protocol in {@link #onText}; tests
 * {@link #sendText}/{@link #sendBinary} to the current client and {@link #drop} the connection abruptly (a network
 * drop, no close frame). One client at a time: a new connection becomes the current one.
 */
public abstract class StandInWebSocketServer implements AutoCloseable {

    private final ServerSocket server;
    private final String path;
    private final Thread acceptor;
    private volatile Socket current;

    /** @param path the path clients connect to, e.g. {@code /stream} or {@code /v2/iex} */
    protected StandInWebSocketServer(String path) throws IOException {
        this.path = path;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon(true).name("stand-in-ws").start(this::acceptLoop);
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Whether a client is connected now. */
    public boolean connected() {
        Socket s = current;
        return s != null && !s.isClosed();
    }

    /** A client connected (after the handshake): e.g. send a greeting. */
    protected void onConnect() throws IOException {
    }

    /** One text message of the client. */
    protected abstract void onText(String message) throws IOException;

    /** The current client is gone (dropped by the test or the client). */
    protected void onDisconnect() {
    }

    /** Sends {@code text} as a text frame to the current client. */
    public synchronized void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code text} (UTF-8) as a binary frame to the current client. */
    public synchronized void sendBinary(String text) throws IOException {
        send(0x2, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts the connection without a close frame (a network drop). */
    public void drop() throws IOException {
        Socket s = current;
        if (s != null) s.close();
    }

    private void send(int opcode, byte[] payload) throws IOException {
        Socket s = current;
        if (s == null) throw new IOException("no client");
        write(s.getOutputStream(), opcode, payload);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofPlatform().daemon(true).name("stand-in-ws-conn").start(() -> serve(s));
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
            synchronized (this) {
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                        + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                current = s;
                onConnect();
            }
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
                    synchronized (this) { write(out, 0x8, new byte[0]); }
                    return;
                }
                if (opcode == 0x9) {
                    synchronized (this) { write(out, 0xA, payload); }
                    continue;
                }
                if (opcode != 0x1) continue;
                synchronized (this) {
                    if (current == s) onText(new String(payload, StandardCharsets.UTF_8));
                }
            }
        } catch (Exception connectionGone) {
            // dropped by the test or the client
        } finally {
            if (current == s) onDisconnect();
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

    private static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
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
