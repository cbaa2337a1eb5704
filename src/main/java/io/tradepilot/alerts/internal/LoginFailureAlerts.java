package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.security.LoginFailed;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

/**
 * Raises {@link AlertRule#LOGIN_FAILURES} when failed sign-ins on this instance reach a burst
 * ({@link LoginBurst}). The raise runs off the sign-in's thread and transaction: a sign-in never waits for, or
 * fails with, an alert. The rule's de-duplication window folds a continuing attack into one alert.
 */
final class LoginFailureAlerts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureAlerts.class);

    private final LoginBurst bursts;
    private final Duration window;
    private final Alerts alerts;
    private final ExecutorService raiser = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("alerts-logins").factory());

    LoginFailureAlerts(int threshold, Duration window, Alerts alerts) {
        this.bursts = new LoginBurst(threshold, window);
        this.window = window;
        this.alerts = alerts;
    }

    @EventListener
    void on(LoginFailed failure) {
        bursts.add(failure).ifPresent(burst -> raiser.execute(() -> raise(burst)));
    }

    private void raise(LoginBurst.Burst burst) {
        var users = new TreeSet<String>();
        var addresses = new TreeSet<String>();
        burst.failures().forEach(f -> {
            users.add(f.username());
            addresses.add(f.clientAddress());
        });
        try {
            alerts.raise(AlertRule.LOGIN_FAILURES, "sign-in", null,
                    burst.failures().size() + " failed sign-ins within " + window.toMinutes() + " min",
                    "Accounts: " + String.join(", ", users) + "\nAddresses: " + String.join(", ", addresses));
        } catch (RuntimeException e) {
            log.error("No alert could be raised for a burst of {} failed sign-ins ({})", burst.failures().size(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        raiser.shutdown();
    }
}
