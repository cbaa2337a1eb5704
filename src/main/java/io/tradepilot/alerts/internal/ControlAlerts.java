package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TripReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Raises an alert for every control change — kill switch, circuit breaker, trading switch; by a person or
 * automatic — as every instance hears it ({@link ControlEvents}). Each change is raised once whichever instances
 * hear it: its source id is the control, the action and the moment it was stored. At start the controls' recent
 * history (at most {@code controlCatchUp} old) is raised too, so a change made just before a crash is alerted
 * after the restart; changes already raised are skipped by the same source id. A raise that fails (the database
 * is unreachable) is tried again, 5 s later and then at doubling intervals up to a minute, while the change is at
 * most {@code controlCatchUp} old.
 */
final class ControlAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControlAlerts.class);

    private final ControlEvents events;
    private final ControlService controls;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration catchUp;
    private ScheduledExecutorService raiser;
    private ControlEvents.Subscription subscription;
    private volatile boolean running;

    ControlAlerts(ControlEvents events, ControlService controls, Alerts alerts, Clock clock, Duration catchUp) {
        this.events = events;
        this.controls = controls;
        this.alerts = alerts;
        this.clock = clock;
        this.catchUp = catchUp;
    }

    @Override
    public void start() {
        running = true;
        raiser = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("alerts-controls").factory());
        subscription = events.subscribe(change -> raiser.execute(() -> raiseSafely(change, Duration.ofSeconds(5))));
        raiser.execute(this::catchUp);
    }

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
        if (raiser != null) {
            raiser.shutdown();
            try {
                raiser.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void catchUp() {
        Instant since = clock.instant().minus(catchUp);
        for (Control control : Control.values()) {
            try {
                controls.history(control, 50).stream().filter(c -> !c.at().isBefore(since))
                        .sorted(java.util.Comparator.comparing(ControlChanged::at))
                        .forEach(change -> raiseSafely(change, Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                log.warn("The recent history of {} could not be read to raise missed alerts ({})", control.label(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void raiseSafely(ControlChanged change, Duration retryIn) {
        try {
            raise(change);
        } catch (RuntimeException e) {
            boolean retry = running && clock.instant().plus(retryIn).isBefore(change.at().plus(catchUp));
            log.error("No alert could be raised for {} {} at {} ({}); {}", change.control().label(), change.action(),
                    change.at(), e.getClass().getSimpleName(), retry ? "trying again in " + retryIn : "giving up");
            if (retry) {
                Duration next = retryIn.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : retryIn.multipliedBy(2);
                try {
                    raiser.schedule(() -> raiseSafely(change, next), retryIn.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    log.warn("Stopping: the alert for {} {} at {} is raised at the next start", change.control().label(),
                            change.action(), change.at());
                }
            }
        }
    }

    void raise(ControlChanged change) {
        AlertRule rule = ruleFor(change);
        boolean automatic = ControlService.SYSTEM_USER.equals(change.user());
        String title = rule.label() + (automatic ? " automatically" : " by " + change.user());
        String body = "Reason: " + (change.reason().isEmpty() ? "(none given)" : change.reason()) + "\n"
                + change.control().label() + ": " + change.from() + " → " + change.to()
                + (change.detail().isEmpty() ? "" : " (" + change.detail() + ")");
        String sourceId = "control:" + change.control().key() + ":" + change.action() + ":" + change.at();
        alerts.raise(rule, change.control().key(), sourceId, title, body);
    }

    /** A breaker trip's own rule where its reason has one, else {@link AlertRule#CIRCUIT_BREAKER_TRIPPED}. */
    private static AlertRule tripRule(String reason) {
        if (TripReason.DAILY_LOSS_EXCEEDED.name().equals(reason)) return AlertRule.DAILY_LOSS_TRIPPED;
        if (TripReason.DATA_STALE.name().equals(reason)) return AlertRule.STALE_DATA;
        if (TripReason.BROKER_ERRORS.name().equals(reason)) return AlertRule.BROKER_ERRORS;
        return AlertRule.CIRCUIT_BREAKER_TRIPPED;
    }

    /** The rule a control change falls under. */
    static AlertRule ruleFor(ControlChanged change) {
        return switch (change.action()) {
            case ENGAGE_KILL_SWITCH -> AlertRule.KILL_SWITCH_ENGAGED;
            case DISENGAGE_KILL_SWITCH -> AlertRule.KILL_SWITCH_DISENGAGED;
            case TRIP_CIRCUIT_BREAKER -> tripRule(change.detail());
            case RESET_CIRCUIT_BREAKER -> AlertRule.CIRCUIT_BREAKER_RESET;
            case PAUSE -> AlertRule.TRADING_PAUSED;
            case RESUME -> AlertRule.TRADING_RESUMED;
        };
    }
}
