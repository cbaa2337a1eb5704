package io.tradepilot.base.push;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.res.StringManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives a real Logback context of its own (not the test JVM's) with the filter installed. */
class ClientDisconnectFilterTest {

    private static final String SESSION_CLOSED = "Message will not be sent because the WebSocket session has been closed";

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final AtomicInteger counted = new AtomicInteger();

    @BeforeEach
    void install_the_filter_in_a_context_of_its_own() {
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger(ClientDisconnectFilter.LOGGER).setLevel(Level.DEBUG);
        ClientDisconnectFilter filter = new ClientDisconnectFilter(counted::incrementAndGet);
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
    }

    @Test
    void a_push_to_a_closed_websocket_session_is_one_debug_line_and_counted() {
        pushFailed(new IllegalStateException(SESSION_CLOSED));

        assertThat(errors()).isEmpty();
        assertThat(counted).hasValue(1);
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getLoggerName()).isEqualTo(ClientDisconnectFilter.LOGGER);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Client had closed the connection (push write): java.lang.IllegalStateException: "
                            + SESSION_CLOSED);
        });
    }

    @Test
    void every_kind_of_closed_connection_is_recognised_anywhere_in_the_cause_chain() {
        List<Throwable> closed = List.of(
                new ClientAbortException(new IOException("Broken pipe")),
                new RuntimeException("wrapped", new ClientAbortException("java.io.IOException: Broken pipe")),
                new IOException("Broken pipe"),
                new IOException("java.io.IOException: Connection reset by peer"),
                new IOException("Connection remotely closed for 4f1c"),
                new IllegalStateException("The WebSocket session [7] has been closed and no method (apart from close())"
                        + " may be called on a closed session"),
                new RuntimeException(new ClosedChannelException()),
                new java.io.UncheckedIOException(new EOFException()));

        closed.forEach(this::pushFailed);

        assertThat(errors()).isEmpty();
        assertThat(counted).hasValue(closed.size());
        assertThat(appender.list).hasSize(closed.size()).allSatisfy(event ->
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
    }

    @Test
    void the_messages_of_the_tomcat_in_use_for_a_closed_websocket_session_are_recognised() {
        StringManager tomcat = StringManager.getManager("org.apache.tomcat.websocket", Locale.ENGLISH);

        for (String key : List.of("wsRemoteEndpoint.closed", "wsRemoteEndpoint.closedDuringMessage", "wsSession.closed")) {
            assertThat(ClientDisconnectFilter.closedByPeer(new IllegalStateException(tomcat.getString(key, "3"))))
                    .as(key).isNotNull();
        }
        for (String key : List.of("wsRemoteEndpoint.wrongState", "wsRemoteEndpoint.closedWriter")) {
            String message = tomcat.getString(key, "TEXT_FULL_WRITING");
            assertThat(ClientDisconnectFilter.closedByPeer(new IllegalStateException(message))).as(key).isNull();
        }
    }

    @Test
    void any_other_push_failure_stays_an_error_with_its_stack_trace() {
        List<Throwable> others = List.of(
                new NullPointerException("resource"),
                new IllegalStateException("The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid"
                        + " state for called method"),
                new IllegalStateException(),
                new IOException("Disk full"),
                new IOException(),
                new ClosedByInterruptException(),
                new RuntimeException("wrapped", new IllegalArgumentException("bad message")));

        others.forEach(this::pushFailed);

        assertThat(counted).hasValue(0);
        assertThat(errors()).hasSize(others.size()).allSatisfy(event -> {
            assertThat(event.getLoggerName()).isEqualTo(ClientDisconnectFilter.PUSH_HANDLER);
            assertThat(event.getMessage()).isEqualTo("Exception in push connection");
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void a_closed_connection_logged_by_any_other_logger_or_message_or_level_is_unchanged() {
        Throwable closed = new IllegalStateException(SESSION_CLOSED);

        context.getLogger("io.tradepilot.somewhere").error("Exception in push connection", closed);
        context.getLogger("com.vaadin.flow.server.communication.PushHandler").error("Exception in push connection", closed);
        context.getLogger(ClientDisconnectFilter.PUSH_HANDLER).error("Something else failed", closed);
        context.getLogger(ClientDisconnectFilter.PUSH_HANDLER).warn("Exception in push connection", closed);

        assertThat(counted).hasValue(0);
        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.ERROR, Level.ERROR, Level.ERROR, Level.WARN);
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNotNull());
    }

    @Test
    void atmosphere_failing_to_cancel_the_resource_of_a_closed_connection_is_debug_otherwise_error() {
        Logger atmosphere = context.getLogger(ClientDisconnectFilter.ASYNC_PROCESSOR);

        // as AsynchronousProcessor.completeLifecycle logs it: the uuid, then the throwable as the last argument
        atmosphere.error("Failed to cancel resource: {}", "4f1c-uuid", new ClientAbortException(new IOException("Broken pipe")));
        assertThat(errors()).isEmpty();
        assertThat(counted).hasValue(1);
        assertThat(appender.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("Client had closed the connection (cancelling the resource): "
                        + "org.apache.catalina.connector.ClientAbortException"));

        atmosphere.error("Failed to cancel resource: {}", "5a2d-uuid", new NullPointerException("listener"));
        atmosphere.error("Failed to cancel resource: {}", "6b3e-uuid");
        assertThat(counted).hasValue(1);
        assertThat(errors()).hasSize(2);
        assertThat(errors().get(0).getFormattedMessage()).isEqualTo("Failed to cancel resource: 5a2d-uuid");
        assertThat(errors().get(0).getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
    }

    @Test
    void a_cause_cycle_ends_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ClientDisconnectFilter.closedByPeer(first)).isNull();
        assertThat(ClientDisconnectFilter.closedByPeer(null)).isNull();
    }

    private void pushFailed(Throwable thrown) {
        // as PushAtmosphereHandler.AtmosphereResourceListener.onThrowable logs it
        context.getLogger(ClientDisconnectFilter.PUSH_HANDLER).error("Exception in push connection", thrown);
    }

    private List<ILoggingEvent> errors() {
        return appender.list.stream().filter(event -> event.getLevel() == Level.ERROR).toList();
    }
}
