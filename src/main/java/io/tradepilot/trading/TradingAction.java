package io.tradepilot.trading;

import io.tradepilot.security.Roles;

import java.time.Duration;

/**
 * Every manual trading action, with the least role allowed, the audit name, the minimum reason length
 * and its rate limit per user (BEHAVIOUR.md "Manual controls"). Roles include the ones below them
 * (ADMIN &gt; OPERATOR &gt; VIEWER).
 */
public enum TradingAction {
    CANCEL_ORDER("ORDER_CANCEL", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1), true),
    CANCEL_ALL("ORDER_CANCEL_ALL", Roles.OPERATOR, 10, 5, Duration.ofMinutes(1), true),
    CLOSE_POSITION("POSITION_CLOSE", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1), true),
    FLATTEN_ALL("FLATTEN_ALL", Roles.ADMIN, 20, 1, Duration.ofMinutes(5), true),
    MANUAL_ORDER("ORDER_MANUAL", Roles.OPERATOR, 10, 10, Duration.ofMinutes(1), false),
    ACTIVATE_STRATEGY("STRATEGY_ACTIVATE", Roles.OPERATOR, 10, 0, Duration.ZERO, false),
    DEACTIVATE_STRATEGY("STRATEGY_DEACTIVATE", Roles.OPERATOR, 10, 0, Duration.ZERO, true);

    private final String auditName;
    private final String minimumRole;
    private final int minimumReason;
    private final int limit;
    private final Duration window;
    private final boolean safer;

    TradingAction(String auditName, String minimumRole, int minimumReason, int limit, Duration window, boolean safer) {
        this.auditName = auditName;
        this.minimumRole = minimumRole;
        this.minimumReason = minimumReason;
        this.limit = limit;
        this.window = window;
        this.safer = safer;
    }

    /**
     * Whether this action reduces risk: cancelling orders, closing a position (a reduce-only order), flattening,
     * deactivating a strategy (its entries stop). Such an action goes ahead while the audit log cannot be written
     * (its record waits in the spool); a manual order and activating a strategy are recorded before they are
     * carried out and refused ({@code AUDIT_UNAVAILABLE}) when that record cannot be written.
     */
    public boolean safer() { return safer; }

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
