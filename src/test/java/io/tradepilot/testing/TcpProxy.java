package io.tradepilot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of a server, on a free local port. {@link #cut()} drops every connection
 * and refuses new ones until {@link #restore()}: to the client it looks exactly like the server
 * going away, without touching the (possibly shared) server itself. {@link #freeze()} stops forwarding
 * in both directions without closing anything (new connections are accepted but not connected through)
 * until {@link #thaw()}: to the client it looks like a server that stalls (frozen process, network
 * partition without resets); what was sent meanwhile is delivered after the thaw.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;
    private boolean frozen;

    /** A proxy to {@code targetHost:targetPort}, forwarding until {@link #close()}. */
    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("tcp-proxy-" + port()).start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    String targetHost() {
        return targetHost;
    }

    int targetPort() {
        return targetPort;
    }

    public boolean isCut() {
        return cut;
    }

    /** Drops every connection and refuses new ones. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and forwards connections again. */
    public void restore() {
        cut = false;
    }

    /** Stops forwarding without closing: every byte in either direction, and new connections, wait for {@link #thaw()}. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** Forwards again what waited and what follows. */
    public synchronized void thaw() {
        frozen = false;
        notifyAll();
    }

    private synchronized void awaitThaw() throws InterruptedException {
        while (frozen && !closed) wait(100);
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Connects an accepted client through (after a freeze ends); a failure closes the client. */
    private void connect(Socket client) {
        try {
            awaitThaw();
            if (cut) {
                closeQuietly(client);
                return;
            }
            Socket server = new Socket(targetHost, targetPort);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            open.add(server);
            if (cut) {
                closeQuietly(server);
                closeQuietly(client);
                return;
            }
            Thread.ofVirtual().start(() -> pump(client, server));
            Thread.ofVirtual().start(() -> pump(server, client));
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
            open.remove(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitThaw();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
