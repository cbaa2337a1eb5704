package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.VenueHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code broker} health component: the active broker account and the {@link VenueHealth} of its session (the
 * one the Connections page shows), read from what the session already knows, never by calling the broker.
 * <ul>
 *   <li>UP with {@code accounts: "none configured"} while no account is active (the paper venue);</li>
 *   <li>UNKNOWN while the active account has no open session on this instance (a standby, or before the engine
 *       starts), with the stored token expiry;</li>
 *   <li>DOWN when the session is not connected, its broker calls are failing (circuit open), its token has
 *       expired, or the account cannot be read (database down);</li>
 *   <li>UP otherwise; a token that expires within {@code tokenWarning} says so ({@code expiresSoon}).</li>
 * </ul>
 * Details (under {@code accounts.<name>}): broker, connected, brokerFailing, rate-limit headroom, token expiry and the
 * time left, the session's last error (never a credential).
 */
final class BrokerHealthIndicator implements HealthIndicator {

    /**
     * The active account as the component sees it.
     *
     * @param storedTokenExpiresAt the expiry stored with its access token, null when none
     * @param health               its open session's health, null when no session is open on this instance
     */
    record Active(String name, BrokerKind broker, Instant storedTokenExpiresAt, VenueHealth health) {
    }

    private final Supplier<Optional<Active>> active;
    private final Clock clock;
    private final Duration tokenWarning;

    BrokerHealthIndicator(Supplier<Optional<Active>> active, Clock clock, Duration tokenWarning) {
        this.active = active;
        this.clock = clock;
        this.tokenWarning = tokenWarning;
    }

    @Override
    public Health health() {
        Optional<Active> current;
        try {
            current = active.get();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "the active broker account cannot be read").build();
        }
        if (current.isEmpty()) return Health.up().withDetail("accounts", "none configured").build();
        Active a = current.get();
        VenueHealth h = a.health();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("broker", a.broker().name().toLowerCase(java.util.Locale.ROOT));
        Status status = Status.UP;
        if (h == null) {
            status = Status.UNKNOWN;
            d.put("session", "not open on this instance");
        } else {
            d.put("connected", h.connected());
            d.put("brokerFailing", h.brokerFailing());
            if (h.rateLimitHeadroom() >= 0) d.put("rateLimitHeadroom", h.rateLimitHeadroom());
            if (!h.connected() || h.brokerFailing()) status = Status.DOWN;
            if (h.lastError() != null && !h.lastError().isBlank()) d.put("lastError", h.lastError());
        }
        Instant expiry = h != null && h.tokenExpiresAt() != null ? h.tokenExpiresAt() : a.storedTokenExpiresAt();
        if (expiry != null) {
            Duration left = Duration.between(clock.instant(), expiry);
            d.put("tokenExpiresAt", expiry.toString());
            if (left.isNegative() || left.isZero()) {
                d.put("token", "expired");
                status = Status.DOWN;
            } else {
                d.put("tokenExpiresIn", left.toSeconds() + " s");
                if (left.compareTo(tokenWarning) <= 0) d.put("expiresSoon", true);
            }
        }
        return Health.status(status).withDetail("accounts", Map.of(a.name(), d)).build();
    }
}
