package io.tradepilot.brokers.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * A {@link WebSocket.Listener} for the brokers' streams: joins the frames of each message and hands every complete text
 * or binary message, and the end of the connection, to a {@link Handler}, on the socket's thread and in arrival order;
 * asks for one message at a time. The handler moves the work to the adapter's own thread.
 */
public final class WebSocketMessages implements WebSocket.Listener {

    /** What a stream does with complete messages and with the connection's end. */
    public interface Handler {
        void text(WebSocket ws, String message);

        void binary(WebSocket ws, byte[] message);

        /** The connection closed ({@code closed <status>}) or failed ({@code lost (<exception>)}). */
        void dropped(String why);
    }

    private final Handler handler;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    public WebSocketMessages(Handler handler) {
        this.handler = handler;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            handler.text(ws, message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            byte[] message = binary.toByteArray();
            binary.reset();
            handler.binary(ws, message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        handler.dropped("closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        handler.dropped("lost (" + error.getClass().getSimpleName() + ")");
    }
}
