package io.tradepilot.controls;

import io.tradepilot.security.Roles;

/**
 * Every change an operator can ask for, with the control it moves, the least role allowed to
 * ask for it (a role includes everything below it: ADMIN &gt; OPERATOR &gt; VIEWER), and whether it
 * makes trading safer (see {@link #safer()}).
 */
public enum ControlAction {
    PAUSE(Control.TRADING, "TRADING_PAUSE", Roles.OPERATOR, true),
    RESUME(Control.TRADING, "TRADING_RESUME", Roles.OPERATOR, false),
    ENGAGE_KILL_SWITCH(Control.KILL_SWITCH, "KILL_SWITCH_ENGAGE", Roles.OPERATOR, true),
    DISENGAGE_KILL_SWITCH(Control.KILL_SWITCH, "KILL_SWITCH_DISENGAGE", Roles.ADMIN, false),
    TRIP_CIRCUIT_BREAKER(Control.CIRCUIT_BREAKER, "CIRCUIT_BREAKER_TRIP", Roles.OPERATOR, true),
    RESET_CIRCUIT_BREAKER(Control.CIRCUIT_BREAKER, "CIRCUIT_BREAKER_RESET", Roles.OPERATOR, false);

    private final Control control;
    private final String auditName;
    private final String minimumRole;
    private final boolean safer;

    ControlAction(Control control, String auditName, String minimumRole, boolean safer) {
        this.control = control;
        this.auditName = auditName;
        this.minimumRole = minimumRole;
        this.safer = safer;
    }

    /**
     * Whether this action makes trading safer (pause, engage, trip). Such an action is applied even while the
     * audit log cannot be written (its record waits in the spool); any other is refused then
     * ({@link RefusalCode#AUDIT_UNAVAILABLE}), because it is recorded before it is applied.
     */
    public boolean safer() {
        return safer;
    }

    public Control control() {
        return control;
    }

    /** The action name written to the audit log, e.g. {@code KILL_SWITCH_ENGAGE}. */
    public String auditName() {
        return auditName;
    }

    /** The least role that may perform this action. */
    public String minimumRole() {
        return minimumRole;
    }

    /** Whether a user holding {@code role} may perform this action (roles include the ones below them). */
    public boolean permits(String role) {
        return rank(role) >= rank(minimumRole);
    }

    static int rank(String role) {
        return switch (role) {
            case Roles.ADMIN -> 3;
            case Roles.OPERATOR -> 2;
            case Roles.VIEWER -> 1;
            default -> 0;
        };
    }
}
