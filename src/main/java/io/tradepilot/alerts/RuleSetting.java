package io.tradepilot.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * How one rule is set.
 *
 * @param dedupWindow raises of the same rule and key within this window are folded into one alert (zero: never)
 * @param updatedBy   who set it last ({@code system} for the defaults)
 * @param updatedAt   when, null for the defaults
 */
public record RuleSetting(AlertRule rule, boolean enabled, Severity severity, Duration dedupWindow, String updatedBy,
                          Instant updatedAt) {

    /** The setting a rule has until an admin changes it. */
    public static RuleSetting defaults(AlertRule rule) {
        return new RuleSetting(rule, true, rule.defaultSeverity(), rule.defaultDedupWindow(), "system", null);
    }
}
