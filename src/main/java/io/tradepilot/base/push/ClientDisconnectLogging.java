package io.tradepilot.base.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs {@link ClientDisconnectFilter} in Logback while the application runs, counting what it takes over
 * in {@value #COUNTER} when a {@link MeterRegistry} exists.
 *
 * <p>Spring Boot configures Logback before any bean exists ({@code LoggingApplicationListener}), so the filter
 * is added when this bean is created, after that configuration. A later reset of the Logback context (a
 * re-initialisation of the logging system, which clears every turbo filter) adds it again: this bean stays a
 * reset-resistant {@link LoggerContextListener} until the application context closes, which removes both.
 * Without Logback as the SLF4J binding it does nothing (and says so at WARN).
 */
@Component
class ClientDisconnectLogging implements InitializingBean, DisposableBean, LoggerContextListener {

    /** Counter of push failures taken over because the client had already closed the connection. */
    static final String COUNTER = "tradepilot.push.closed.by.client";

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ClientDisconnectLogging.class);

    /**
     * The counters of every installed instance. Logback's context is one per class loader and shared by every
     * application context in it (test suites keep several alive); only the first of their filters sees an event, so
     * each filter counts into all of them.
     */
    private static final Set<Runnable> INSTALLED_COUNTERS = ConcurrentHashMap.newKeySet();

    private final ClientDisconnectFilter filter;
    private final Runnable count;
    private LoggerContext context;

    ClientDisconnectLogging(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        Runnable count = () -> { };
        if (meters != null) {
            Counter counter = Counter.builder(COUNTER)
                    .description("Push failures because the browser had already closed the connection (logged at DEBUG)")
                    .register(meters);
            count = counter::increment;
        }
        this.count = count;
        filter = new ClientDisconnectFilter(() -> INSTALLED_COUNTERS.forEach(Runnable::run));
    }

    /** The filter this bean installs. */
    ClientDisconnectFilter filter() {
        return filter;
    }

    @Override
    public void afterPropertiesSet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext logback)) {
            log.warn("Logging is not Logback ({}): push failures of clients that went away stay at ERROR",
                    factory.getClass().getName());
            return;
        }
        installIn(logback);
    }

    /** Installs the filter in {@code logback} until {@link #destroy()}, also across resets of that context. */
    void installIn(LoggerContext logback) {
        context = logback;
        INSTALLED_COUNTERS.add(count);
        filter.setContext(logback);
        install();
        logback.addListener(this);
    }

    @Override
    public void destroy() {
        if (context != null) {
            INSTALLED_COUNTERS.remove(count);
            context.removeListener(this);
            context.getTurboFilterList().remove(filter);
            filter.stop();
            context = null;
        }
    }

    /** Adds the filter unless present; (re)starts it, since a reset stops the turbo filters it clears. */
    private void install() {
        filter.start();
        if (!context.getTurboFilterList().contains(filter)) {
            context.addTurboFilter(filter);
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onReset(LoggerContext reset) {
        if (context != null) {
            install();
        }
    }

    @Override
    public void onStart(LoggerContext started) {
    }

    @Override
    public void onStop(LoggerContext stopped) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }
}
