package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.Alerts;
import io.tradepilot.base.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Raises alerts, every {@code poll}, for what another module stored in the last day, read through its query
 * interface when this instance has it (the supplier answers null otherwise, and the poll does nothing). Each fact is
 * raised by a source id of its own, so looking again (or from several instances) raises nothing twice. A read that
 * fails is logged with the exception's class only and tried again at the next poll.
 *
 * @param <S> the other module's query interface
 */
abstract class LastDayAlerts<S> extends PeriodicTask {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Supplier<S> source;
    private final String what;
    final Alerts alerts;
    final Clock clock;

    /**
     * @param what what is read, as the start of the log line when it cannot be ("The scheduler's reports")
     */
    LastDayAlerts(String threadName, Supplier<S> source, String what, Alerts alerts, Clock clock, Duration poll) {
        super(threadName, poll);
        this.source = source;
        this.what = what;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    protected final void poll() {
        raiseNew();
    }

    /** Raises what was stored in the last day and not raised yet; never throws. */
    final void raiseNew() {
        try {
            S queries = source.get();
            if (queries == null) return;
            raiseSince(queries, clock.instant().minus(Duration.ofDays(1)));
        } catch (RuntimeException e) {
            log.warn("{} could not be read for alerts ({})", what, e.getClass().getSimpleName());
        }
    }

    /** Raises each fact {@code queries} answers that was stored at or after {@code since}. */
    abstract void raiseSince(S queries, Instant since);

    /** An amount as alert text: plain digits, "–" when unknown. */
    static String plain(BigDecimal amount) {
        return amount == null ? "–" : amount.toPlainString();
    }
}
