package io.tradepilot.base.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Turns the push library's ERROR for a client that had already gone away into one DEBUG line and a count.
 *
 * <p>It acts on exactly two ERROR events and only when the cause chain of their throwable shows that the peer
 * had already closed the connection ({@link #closedByPeer(Throwable)}):
 * <ul>
 *   <li>{@value #PUSH_HANDLER} "{@value #PUSH_FAILED}" (Vaadin, when a push write fails), and</li>
 *   <li>{@value #ASYNC_PROCESSOR} "{@value #CANCEL_FAILED}" (Atmosphere, when finishing the resource of a
 *   closed connection fails).</li>
 * </ul>
 * Such an event is denied (not logged at ERROR); instead {@link #LOGGER} logs one DEBUG line with the logger's
 * message and the closing exception's class and message, and the {@code onClientGone} callback runs (the
 * application counts it). Every other event, including those two messages with any other throwable and the
 * same throwables from any other logger, passes unchanged ({@link FilterReply#NEUTRAL}).
 *
 * <p>Nothing is lost by not logging these: Vaadin handles the connection as lost either way, and the page
 * resynchronises when it reconnects (or its session ends).
 */
public final class ClientDisconnectFilter extends TurboFilter {

    /** Vaadin's handler of push connections; logs "{@value #PUSH_FAILED}" at ERROR with the throwable. */
    static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    static final String PUSH_FAILED = "Exception in push connection";
    /** Atmosphere's request processor; logs "{@value #CANCEL_FAILED}" at ERROR with the uuid and the throwable. */
    static final String ASYNC_PROCESSOR = "org.atmosphere.cpr.AsynchronousProcessor";
    static final String CANCEL_FAILED = "Failed to cancel resource: {}";

    /** Where the events this filter takes over are logged, at DEBUG. */
    static final String LOGGER = "io.tradepilot.base.push.disconnects";

    private static final int MAX_CAUSES = 16;

    private final Runnable onClientGone;

    /**
     * @param onClientGone runs once for every ERROR event this filter takes over (on the logging thread; must be
     *                     cheap and must not throw)
     */
    public ClientDisconnectFilter(Runnable onClientGone) {
        this.onClientGone = Objects.requireNonNull(onClientGone, "onClientGone");
        setName("tradepilot-client-disconnect");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || format == null) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        boolean ours = (PUSH_HANDLER.equals(name) && PUSH_FAILED.equals(format))
                || (ASYNC_PROCESSOR.equals(name) && CANCEL_FAILED.equals(format));
        if (!ours) {
            return FilterReply.NEUTRAL;
        }
        Throwable closing = closedByPeer(t != null ? t : lastThrowable(params));
        if (closing == null) {
            return FilterReply.NEUTRAL;
        }
        // in the logger context of the event itself (the application's, or a test's own)
        logger.getLoggerContext().getLogger(LOGGER).debug("Client had closed the connection ({}): {}: {}",
                PUSH_FAILED.equals(format) ? "push write" : "cancelling the resource",
                closing.getClass().getName(), closing.getMessage());
        onClientGone.run();
        return FilterReply.DENY;
    }

    /**
     * The first throwable in {@code thrown}'s cause chain that says the peer had already closed the connection,
     * or {@code null} if there is none (or {@code thrown} is {@code null}). Those are: Tomcat's
     * {@code IllegalStateException} for a closed WebSocket session ("... the WebSocket session has been closed",
     * "The WebSocket session [n] has been closed ..."), Tomcat's {@code ClientAbortException}, an
     * {@link IOException} whose message contains "Broken pipe", "Connection reset by peer" or Atmosphere's
     * "Connection remotely closed", a {@link ClosedChannelException} (exactly that class: its subclass
     * {@code ClosedByInterruptException} means this side was interrupted) and an {@link EOFException}.
     */
    static Throwable closedByPeer(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = thrown;
        while (current != null && seen.size() < MAX_CAUSES && seen.add(current)) {
            if (isClosedByPeer(current)) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }

    private static boolean isClosedByPeer(Throwable t) {
        String message = t.getMessage();
        if (t instanceof IllegalStateException) {
            return message != null && message.contains("WebSocket session") && message.contains("has been closed");
        }
        if (t.getClass() == ClosedChannelException.class || t instanceof EOFException) {
            return true;
        }
        if (t.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
            return true;
        }
        return t instanceof IOException && message != null
                && (message.contains("Broken pipe") || message.contains("Connection reset by peer")
                        || message.contains("Connection remotely closed"));
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                ? last : null;
    }
}
