package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.BrokerHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code broker} health component, built from every {@link BrokerHealth} bean:
 * <ul>
 *   <li>UP with {@code accounts: "none configured"} while no source reports an account (paper trading);</li>
 *   <li>DOWN when an account is not connected, its token has expired, or a source failed to answer;</li>
 *   <li>UP otherwise; an account whose token expires within {@code tokenWarning} says so ({@code expiresSoon}).</li>
 * </ul>
 * Details per account: broker, connected, token expiry and the time left, the adapter's detail.
 */
final class BrokerHealthIndicator implements HealthIndicator {

    private final List<BrokerHealth> sources;
    private final Clock clock;
    private final Duration tokenWarning;

    BrokerHealthIndicator(List<BrokerHealth> sources, Clock clock, Duration tokenWarning) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.tokenWarning = tokenWarning;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        List<BrokerHealth.Account> accounts = new ArrayList<>();
        boolean down = false;
        for (BrokerHealth source : sources) {
            try {
                accounts.addAll(source.accounts());
            } catch (RuntimeException e) {
                down = true;
            }
        }
        if (accounts.isEmpty() && !down) return Health.up().withDetail("accounts", "none configured").build();
        Map<String, Object> details = new LinkedHashMap<>();
        for (BrokerHealth.Account a : accounts) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("broker", a.broker());
            d.put("connected", a.connected());
            if (!a.connected()) down = true;
            if (a.tokenExpiresAt() != null) {
                Duration left = Duration.between(now, a.tokenExpiresAt());
                d.put("tokenExpiresAt", a.tokenExpiresAt().toString());
                if (left.isNegative() || left.isZero()) {
                    d.put("token", "expired");
                    down = true;
                } else {
                    d.put("tokenExpiresIn", left.toSeconds() + " s");
                    if (left.compareTo(tokenWarning) <= 0) d.put("expiresSoon", true);
                }
            }
            if (a.detail() != null && !a.detail().isBlank()) d.put("detail", a.detail());
            details.put(a.id(), d);
        }
        Health.Builder health = down ? Health.down() : Health.up();
        if (accounts.isEmpty()) health.withDetail("error", "a broker health source failed to answer");
        return health.withDetail("accounts", details).build();
    }
}
