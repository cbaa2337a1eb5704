package io.tradepilot.trading;

import io.tradepilot.security.Roles;

import java.time.Duration;

/**
 * Every manual trading action, with the least role allowed, the audit name, the minimum reason length
 * and its rate limit per user (BEHAVIOUR.md "Manual controls"). Roles include the ones below them
 * (ADMIN &gt; OPERATOR &gt; VIEWER).
 */
public enum TradingAction {
    CANCEL_ORDER("ORDER_CANCEL", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1)),
    CANCEL_ALL("ORDER_CANCEL_ALL", Roles.OPERATOR, 10, 5, Duration.ofMinutes(1)),
    CLOSE_POSITION("POSITION_CLOSE", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1)),
    FLATTEN_ALL("FLATTEN_ALL", Roles.ADMIN, 20, 1, Duration.ofMinutes(5)),
    MANUAL_ORDER("ORDER_MANUAL", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1)),
    ACTIVATE_STRATEGY("STRATEGY_ACTIVATE", Roles.OPERATOR, 10, 0, Duration.ZERO),
    DEACTIVATE_STRATEGY("STRATEGY_DEACTIVATE", Roles.OPERATOR, 10, 0, Duration.ZERO);

    private final String auditName;
    private final String minimumRole;
    private final int minimumReason;
    private final int limit;
    private final Duration window;

    TradingAction(String auditName, String minimumRole, int minimumReason, int limit, Duration window) {
        this.auditName = auditName;
        this.minimumRole = minimumRole;
        this.minimumReason = minimumReason;
        this.limit = limit;
        this.window = window;
    }

    /** The action name written to the audit log, e.g. {@code ORDER_CANCEL}. */
    public String auditName() { return auditName; }

    /** The least role that may perform this action. */
    public String minimumRole() { return minimumRole; }

    /** Characters the reason must have at least (after trimming). */
    public int minimumReason() { return minimumReason; }

    /** Attempts allowed per user within {@link #window()}; 0: not rate limited. */
    public int limit() { return limit; }

    public Duration window() { return window; }
}
