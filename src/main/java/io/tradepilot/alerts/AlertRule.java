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
    EOD_REPORT("End-of-day report", Severity.INFO, Duration.ZERO),
    /** The circuit breaker tripped because no bar arrived within {@code marketdata.stale-after} (DATA_STALE). */
    STALE_DATA("Market data stale", Severity.CRITICAL, Duration.ZERO),
    /** The circuit breaker tripped because the broker kept failing (BROKER_ERRORS, {@code brokers.BrokerErrors}). */
    BROKER_ERRORS("Broker errors", Severity.CRITICAL, Duration.ZERO),
    /** The day's loss reached {@code alerts.daily-loss-warning} of the daily loss limit (once per day). */
    DAILY_LOSS_WARNING("Daily loss nearing the limit", Severity.WARNING, Duration.ofHours(1)),
    /** Open risk (heat: risk to the stops ÷ equity) above {@code alerts.open-risk-warning}. */
    OPEN_RISK_HIGH("Open risk above threshold", Severity.WARNING, Duration.ofMinutes(30)),
    /** The position tracker's {@code exit} finding (a position down 6 % or more). */
    TRACKER_EXIT("Tracker exit signal", Severity.WARNING, Duration.ofHours(1)),
    /** The position tracker's {@code caution} finding (a position down 3 % or more). */
    TRACKER_CAUTION("Tracker caution signal", Severity.INFO, Duration.ofHours(1)),
    /** A scheduled scan stored its result. */
    SCAN_RESULT("Scan result", Severity.INFO, Duration.ZERO),
    /** Trading switched between paper and LIVE (real money) mode ({@link io.tradepilot.controls.TradingModeChanged} whose mode changed). */
    LIVE_MODE_CHANGED("LIVE mode changed", Severity.CRITICAL, Duration.ZERO),
    /** The daily-loss limit paused new entries for the rest of the market day ({@link io.tradepilot.trading.DailyLossEntriesPaused}; once a day). */
    DAILY_LOSS_ENTRIES_PAUSED("Daily loss: entries paused", Severity.WARNING, Duration.ZERO),
    /** No bar for {@code alerts.stale-warning} of {@code marketdata.stale-after}: the breaker trips if it lasts ({@link #STALE_DATA}). */
    STALE_DATA_WARNING("Market data late", Severity.WARNING, Duration.ofMinutes(10)),
    /** Bars flow again after a {@link #STALE_DATA_WARNING}. */
    STALE_DATA_RESOLVED("Market data flowing again", Severity.INFO, Duration.ofMinutes(10)),
    /** The 3WI near-breakout watch found setups within 1 % of their trigger (one alert per day listing them). */
    NEAR_BREAKOUT("3WI near breakout", Severity.INFO, Duration.ZERO),
    /** The journal stored a weekly or monthly performance report (after the exchange's last session of the week or month). */
    PERIOD_REPORT("Weekly or monthly report", Severity.INFO, Duration.ZERO);

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
