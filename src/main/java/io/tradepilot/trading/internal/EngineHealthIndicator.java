package io.tradepilot.trading.internal;

import io.tradepilot.trading.EngineStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code engine} health component: what this instance's engine host really does, so that health and
 * readiness never say UP for an engine that cannot trade.
 * <ul>
 *   <li>UP: LEADER (runs the engine), STANDBY (another instance leads; this one serves the UI from the ledger),
 *       or trading disabled on this instance ({@code role} DISABLED);</li>
 *   <li>OUT_OF_SERVICE: RECOVERING (the leader lock was lost or could not be confirmed; the engine is stopped,
 *       and this instance retakes the lock by itself once the database answers);</li>
 *   <li>DOWN: STOPPED although trading is enabled (not started yet, or stopped).</li>
 * </ul>
 * Details (shown only where health details are enabled): {@code role}, and for a leader {@code engineState} and
 * {@code marketTime}, and while the bars are built from a broker's trades {@code marketDataBackfill} (a gap waiting
 * for the broker's history since when, failed attempts, the last error, counts of back-filled bars).
 */
final class EngineHealthIndicator implements HealthIndicator {

    private final EngineHost host;
    private final boolean enabled;

    EngineHealthIndicator(EngineHost host, boolean enabled) {
        this.host = host;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        if (!enabled) return Health.up().withDetail("role", "DISABLED").build();
        EngineStatus status = host.status();
        Health.Builder health = switch (host.role()) {
            case LEADER, STANDBY -> Health.up();
            case RECOVERING -> Health.outOfService();
            case STOPPED -> Health.down();
        };
        health.withDetail("role", status.role());
        if (status.engineState() != null) health.withDetail("engineState", status.engineState());
        if (status.marketTime() != null) health.withDetail("marketTime", status.marketTime().toString());
        host.runningFeed().filter(SessionFeed.class::isInstance).flatMap(f -> ((SessionFeed) f).backfill())
                .ifPresent(b -> health.withDetail("marketDataBackfill", backfill(b)));
        return health.build();
    }

    /** The back-fill of the broker's trade stream: pending since, failed attempts, last error, counts. */
    static java.util.Map<String, Object> backfill(GapBackfill.Status b) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("pending", b.pending());
        if (b.since() != null) d.put("pendingSince", b.since().toString());
        d.put("failedAttempts", b.failedAttempts());
        if (b.lastError() != null) d.put("lastError", b.lastError());
        d.put("filledGaps", b.filledGaps());
        d.put("backfilledBars", b.backfilledBars());
        d.put("completedBars", b.completedBars());
        return d;
    }
}
