package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for the embedded servers, which listen there only. */
final class LoopbackPort {

    private LoopbackPort() {
    }

    /** A port free on 127.0.0.1 at the time of the call. */
    static int free(String server) {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded " + server, e);
        }
    }

    /**
     * {@code port} when nothing listens on it on 127.0.0.1, so that a taken port is named at once instead of
     * surfacing as a server that never answers.
     *
     * @param variable the setting that chooses the port, named in the refusal
     * @throws IllegalStateException naming the port and the variable when the port is in use
     */
    static int requireFree(int port, String server, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use, so the embedded " + server + " cannot listen there:"
                    + " stop the program using it (another Tradepilot?) or set " + variable + " to a free port", e);
        }
    }
}
