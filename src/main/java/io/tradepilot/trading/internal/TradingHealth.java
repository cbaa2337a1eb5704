package io.tradepilot.trading.internal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Two health components about live trading on this instance (beside {@code engine}, {@link EngineHealthIndicator}):
 * <ul>
 *   <li>{@code leader}: who runs the engine. UP when this instance leads ({@code leader: true}) or another one
 *       does ({@code leader: false}, STANDBY), or trading is disabled here; OUT_OF_SERVICE while RECOVERING
 *       (the lock was lost or could not be confirmed); DOWN when stopped although enabled.</li>
 *   <li>{@code feed}: market data freshness, on the leader only. UP while the last bar came within
 *       {@code stale-after} (detail {@code secondsSinceLastBar}) or the source has ended; DOWN when it is older
 *       (the circuit breaker trips for DATA_STALE at the same limit). Elsewhere UP with
 *       {@code feed: "not on this instance"}.</li>
 * </ul>
 */
final class TradingHealth {

    private TradingHealth() {
    }

    static HealthIndicator leader(EngineHost host, boolean enabled) {
        return () -> {
            if (!enabled) return Health.up().withDetail("role", "DISABLED").withDetail("leader", false).build();
            EngineHost.Role role = host.role();
            Health.Builder health = switch (role) {
                case LEADER, STANDBY -> Health.up();
                case RECOVERING -> Health.outOfService();
                case STOPPED -> Health.down();
            };
            return health.withDetail("role", role.name()).withDetail("leader", role == EngineHost.Role.LEADER).build();
        };
    }

    static HealthIndicator feed(EngineHost host, Duration staleAfter) {
        return () -> {
            Optional<Duration> since = host.sinceLastBar();
            if (since.isEmpty()) return Health.up().withDetail("feed", "not on this instance").build();
            if (host.feedFinished()) return Health.up().withDetail("feed", "ended").build();
            Health.Builder health = since.get().compareTo(staleAfter) > 0 ? Health.down() : Health.up();
            return health.withDetail("secondsSinceLastBar", since.get().toMillis() / 1000.0)
                    .withDetail("staleAfterSeconds", staleAfter.toSeconds())
                    .withDetail("lastBarMarketTime", String.valueOf(host.status().marketTime()))
                    .build();
        };
    }
}
