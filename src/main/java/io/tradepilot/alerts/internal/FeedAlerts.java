package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.base.PeriodicTask;
import io.tradepilot.trading.FeedFreshness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns before the circuit breaker trips for stale data. Every {@code poll} it reads this instance's
 * {@link FeedFreshness} (only the instance that runs the engine has one):
 * <ul>
 *   <li>when the last bar is older than {@code fraction} × {@code stale-after} (0.5: half-way), it raises
 *       {@link AlertRule#STALE_DATA_WARNING} once for that silence;</li>
 *   <li>when a bar came after such a warning (the age fell), it raises {@link AlertRule#STALE_DATA_RESOLVED} with how
 *       long the silence lasted.</li>
 * </ul>
 * The trip itself is the controls' fact and keeps its own alert ({@link AlertRule#STALE_DATA}). A fraction of 0 (or
 * ≥ 1) switches the warning off. A warning or resolution whose raise failed (database down) is tried again at the
 * next poll; a resolution is raised only after a warning. Both go through the rules' de-duplication (10 min by
 * default), so a feed that keeps stalling and recovering folds into the alerts already raised.
 */
final class FeedAlerts extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(FeedAlerts.class);
    static final String KEY = "feed";

    private final Supplier<Optional<FeedFreshness>> feed;
    private final Alerts alerts;
    private final BigDecimal fraction;
    /** The age at the last poll while warned; null while no warning stands (poll thread only). */
    private Duration warnedAge;

    FeedAlerts(Supplier<Optional<FeedFreshness>> feed, Alerts alerts, BigDecimal fraction, Duration poll) {
        super("alerts-feed", poll);
        this.feed = feed;
        this.alerts = alerts;
        this.fraction = fraction;
    }

    @Override
    protected void poll() {
        check();
    }

    /** Looks at the feed once and raises what it warrants. */
    void check() {
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) return;
        try {
            Optional<FeedFreshness> f = feed.get();
            Optional<Duration> age = f.flatMap(FeedFreshness::sinceLastBar);
            if (age.isEmpty()) {
                warnedAge = null; // not the leader any more, or the source ended: nothing is late here
                return;
            }
            Duration staleAfter = f.get().staleAfter();
            Duration warnAt = Duration.ofMillis(new BigDecimal(staleAfter.toMillis()).multiply(fraction).longValue());
            Duration now = age.get();
            if (warnedAge != null) {
                if (now.compareTo(warnedAge) < 0) {
                    alerts.raise(AlertRule.STALE_DATA_RESOLVED, KEY, null, "Market data flowing again",
                            "A bar came after " + seconds(warnedAge) + " s or more without one (the breaker trips at "
                                    + seconds(staleAfter) + " s).");
                    warnedAge = null;
                } else {
                    warnedAge = now;
                }
                return;
            }
            if (now.compareTo(warnAt) >= 0) {
                alerts.raise(AlertRule.STALE_DATA_WARNING, KEY, null, "Market data late: no bar for " + seconds(now) + " s",
                        "No bar for " + seconds(now) + " s; the circuit breaker trips for DATA_STALE at " + seconds(staleAfter)
                                + " s (warning at " + fraction.stripTrailingZeros().toPlainString() + " of it). Check the feed "
                                + "and the broker connection (Runbook → Data stale).");
                warnedAge = now;
            }
        } catch (RuntimeException e) {
            log.warn("The market data's freshness could not be checked for alerts ({})", e.getClass().getSimpleName());
        }
    }

    private static String seconds(Duration d) {
        return Long.toString(d.toSeconds());
    }
}
