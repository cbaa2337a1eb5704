package io.tradepilot.base.push;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradepilot.testing.IntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The filter is active in the running application, after Spring Boot configured logging. */
class ClientDisconnectLoggingIT extends IntegrationTestSupport {

    @Autowired
    private MeterRegistry meters;

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger pushHandler = logging.getLogger(ClientDisconnectFilter.PUSH_HANDLER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void listen_to_vaadins_push_handler() {
        appender.setContext(logging);
        appender.start();
        pushHandler.addAppender(appender);
    }

    @AfterEach
    void stop_listening() {
        pushHandler.detachAppender(appender);
    }

    @Test
    void a_push_to_a_browser_that_closed_is_counted_and_not_an_error_while_other_push_failures_stay_errors() {
        assertThat(logging.getTurboFilterList()).hasAtLeastOneElementOfType(ClientDisconnectFilter.class);
        double before = closedByClient();

        org.slf4j.Logger vaadin = LoggerFactory.getLogger(ClientDisconnectFilter.PUSH_HANDLER);
        vaadin.error("Exception in push connection", new IllegalStateException(
                "Message will not be sent because the WebSocket session has been closed"));

        assertThat(appender.list).isEmpty();
        assertThat(closedByClient()).isEqualTo(before + 1);

        vaadin.error("Exception in push connection", new NullPointerException("resource"));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
        assertThat(closedByClient()).isEqualTo(before + 1);
    }

    private double closedByClient() {
        return meters.get(ClientDisconnectLogging.COUNTER).counter().count();
    }
}
