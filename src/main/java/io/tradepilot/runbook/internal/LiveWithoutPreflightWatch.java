package io.tradepilot.runbook.internal;

import io.tradepilot.base.PeriodicTask;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.runbook.Preflight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LIVE requires each trading day's pre-flight, not only the day LIVE was switched on: while the trading mode is LIVE and
 * a session is open whose pre-flight nobody completed, this watch trips the circuit breaker
 * ({@link TripReason#PREFLIGHT_NOT_COMPLETE}, as user {@value ControlService#SYSTEM_USER}), so no new entry goes out;
 * exits, cancels and the flatten are unaffected. A breaker reset before the pre-flight is complete is tripped again at
 * the next check. Outside sessions (the evening before, when the next day's pre-flight is naturally still open) it does
 * nothing. Fails closed: a pre-flight state that cannot be read counts as not complete; a mode that cannot be read is
 * left to the engine host, which stops trading LIVE without one.
 */
final class LiveWithoutPreflightWatch extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(LiveWithoutPreflightWatch.class);

    private final Supplier<TradingMode> mode;
    private final Predicate<LocalDate> preflightComplete;
    private final ControlService controls;
    private final ExchangeCalendar calendar;
    private final Clock clock;

    /**
     * @param mode              the trading mode now ({@link TradingModes#current()})
     * @param preflightComplete whether a trading day's pre-flight was completed ({@link Preflight#preflightComplete})
     */
    LiveWithoutPreflightWatch(Supplier<TradingMode> mode, Predicate<LocalDate> preflightComplete, ControlService controls,
                              ExchangeCalendar calendar, Clock clock, Duration period) {
        super("live-preflight-watch", period);
        this.mode = mode;
        this.preflightComplete = preflightComplete;
        this.controls = controls;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void poll() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("LIVE pre-flight watch: {}", e.toString());
        }
    }

    /** One check; what it tripped, if anything (for tests). */
    Optional<String> check() {
        if (mode.get() != TradingMode.LIVE) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = calendar.currentOrNextSession(now);
        if (!session.contains(now) || complete(session)) {
            return Optional.empty();
        }
        if (controls.read() instanceof ControlsReading.Known known && known.circuitBreaker().tripped()) {
            return Optional.empty();
        }
        String detail = "trading LIVE in the " + session.date() + " session without its pre-flight (Runbook → Pre-flight):"
                + " no new entries until it is complete and the breaker is reset";
        return controls.tripCircuitBreakerAutomatically(TripReason.PREFLIGHT_NOT_COMPLETE, detail) instanceof ControlResult.Applied
                ? Optional.of(detail) : Optional.empty();
    }

    private boolean complete(Session session) {
        try {
            return preflightComplete.test(session.date());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
