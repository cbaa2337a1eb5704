package io.tradepilot.alerts;

import java.time.Duration;

/**
 * The facts the platform raises alerts for, each with the severity and de-duplication window it starts with
 * (an admin may change both, and switch a rule off). A raise of the same rule and key within the window is
 * folded into the alert already raised (its repeat count grows) instead of going out again.
 */
public enum AlertRule {
    KILL_SWITCH_ENGAGED("Kill switch engaged", Severity.CRITICAL, Duration.ZERO),
    KILL_SWITCH_DISENGAGED("Kill switch disengaged", Severity.WARNING, Duration.ZERO),
    CIRCUIT_BREAKER_TRIPPED("Circuit breaker tripped", Severity.CRITICAL, Duration.ZERO),
    DAILY_LOSS_TRIPPED("Daily loss limit tripped", Severity.CRITICAL, Duration.ZERO),
    CIRCUIT_BREAKER_RESET("Circuit breaker reset", Severity.WARNING, Duration.ZERO),
    TRADING_PAUSED("Trading paused", Severity.WARNING, Duration.ZERO),
    TRADING_RESUMED("Trading resumed", Severity.INFO, Duration.ZERO),
    LOGIN_FAILURES("Burst of failed sign-ins", Severity.WARNING, Duration.ofMinutes(15)),
    EOD_REPORT("End-of-day report", Severity.INFO, Duration.ZERO);

    private final String label;
    private final Severity defaultSeverity;
    private final Duration defaultDedupWindow;

    AlertRule(String label, Severity defaultSeverity, Duration defaultDedupWindow) {
        this.label = label;
        this.defaultSeverity = defaultSeverity;
        this.defaultDedupWindow = defaultDedupWindow;
    }

    public String label() {
        return label;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public Duration defaultDedupWindow() {
        return defaultDedupWindow;
    }
}
