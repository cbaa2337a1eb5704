package io.tradepilot.trading.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the engine's instance watches its leadership ({@code tradepilot.trading.leadership.*}; see
 * {@link LeadershipSupervisor}). How often a standby asks for the lock is {@code tradepilot.trading.standby-retry}.
 *
 * @param checkEvery    how often the leader confirms that the connection holding the leader lock answers
 * @param checkTimeout  how long that confirmation may take; no answer in time stops the engine (fail closed)
 * @param recoveryRetry how often an instance that lost (or could not confirm) the lock tries to take it back
 */
@ConfigurationProperties("tradepilot.trading.leadership")
record LeadershipProperties(@DefaultValue("1s") Duration checkEvery, @DefaultValue("2s") Duration checkTimeout,
                            @DefaultValue("1s") Duration recoveryRetry) {

    static final LeadershipProperties DEFAULTS = new LeadershipProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));

    LeadershipProperties {
        if (checkEvery.isNegative() || checkEvery.isZero()) throw new IllegalArgumentException("tradepilot.trading.leadership.check-every must be positive");
        if (checkTimeout.toSeconds() < 1) throw new IllegalArgumentException("tradepilot.trading.leadership.check-timeout must be at least 1s (JDBC counts whole seconds)");
        if (recoveryRetry.isNegative() || recoveryRetry.isZero()) throw new IllegalArgumentException("tradepilot.trading.leadership.recovery-retry must be positive");
    }
}
