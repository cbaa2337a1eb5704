package io.tradepilot.base.push;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ClientDisconnectLoggingTest {

    private final LoggerContext context = new LoggerContext();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ClientDisconnectLogging logging = new ClientDisconnectLogging(registry(meters));

    @Test
    void the_filter_counts_into_the_registry_and_survives_a_reset_of_the_logging_context_until_destroyed() {
        logging.installIn(context);
        assertThat(context.getTurboFilterList()).containsExactly(logging.filter());

        context.reset(); // what a re-initialisation of the logging system does
        assertThat(context.getTurboFilterList()).containsExactly(logging.filter());
        assertThat(logging.filter().isStarted()).isTrue();
        ListAppender<ILoggingEvent> appender = appenderOnRoot();
        context.getLogger(ClientDisconnectFilter.PUSH_HANDLER)
                .error("Exception in push connection", new java.io.EOFException());
        assertThat(appender.list).noneMatch(event -> event.getLevel() == Level.ERROR);
        assertThat(meters.counter(ClientDisconnectLogging.COUNTER).count()).isEqualTo(1.0);

        logging.destroy();
        assertThat(context.getTurboFilterList()).isEmpty();
        context.reset();
        assertThat(context.getTurboFilterList()).isEmpty();
    }

    @Test
    void two_applications_in_one_logging_context_each_count_every_event_and_the_survivor_goes_on_counting() {
        SimpleMeterRegistry otherMeters = new SimpleMeterRegistry();
        ClientDisconnectLogging other = new ClientDisconnectLogging(registry(otherMeters));
        logging.installIn(context);
        other.installIn(context);
        ListAppender<ILoggingEvent> appender = appenderOnRoot();
        var vaadin = context.getLogger(ClientDisconnectFilter.PUSH_HANDLER);

        vaadin.error("Exception in push connection", new java.io.EOFException());
        assertThat(meters.counter(ClientDisconnectLogging.COUNTER).count()).isEqualTo(1.0);
        assertThat(otherMeters.counter(ClientDisconnectLogging.COUNTER).count()).isEqualTo(1.0);

        logging.destroy();
        vaadin.error("Exception in push connection", new java.io.EOFException());
        assertThat(appender.list).noneMatch(event -> event.getLevel() == Level.ERROR);
        assertThat(meters.counter(ClientDisconnectLogging.COUNTER).count()).isEqualTo(1.0);
        assertThat(otherMeters.counter(ClientDisconnectLogging.COUNTER).count()).isEqualTo(2.0);
        other.destroy();
    }

    @Test
    void without_a_meter_registry_it_still_takes_over_the_event() {
        ClientDisconnectLogging uncounted = new ClientDisconnectLogging(registry(null));
        uncounted.installIn(context);
        ListAppender<ILoggingEvent> appender = appenderOnRoot();

        context.getLogger(ClientDisconnectFilter.PUSH_HANDLER)
                .error("Exception in push connection", new java.io.EOFException());

        assertThat(appender.list).noneMatch(event -> event.getLevel() == Level.ERROR);
        uncounted.destroy();
    }

    private ListAppender<ILoggingEvent> appenderOnRoot() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry(
            SimpleMeterRegistry meters) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (meters != null) {
            beans.addBean("meterRegistry", meters);
        }
        return beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class);
    }
}
