package io.tradepilot.security;

/**
 * The three roles of Tradepilot. Each role includes everything the one below it may do:
 * ADMIN &gt; OPERATOR &gt; VIEWER. The string constants are for annotations
 * ({@code @RolesAllowed(Roles.OPERATOR)}); {@link Role} is the type everywhere else.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String VIEWER = "VIEWER";

    /** {@code @PreAuthorize} expression: an operator or an admin. */
    public static final String IS_OPERATOR_OR_ADMIN = "hasAnyRole('ADMIN', 'OPERATOR')";
    /** {@code @PreAuthorize} expression: an admin. */
    public static final String IS_ADMIN = "hasRole('ADMIN')";

    private Roles() {
    }

    /** A role, ordered from most to least powerful. */
    public enum Role {
        ADMIN, OPERATOR, VIEWER;

        /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
        public String authority() {
            return "ROLE_" + name();
        }

        /** Whether this role may do everything {@code other} may do. */
        public boolean includes(Role other) {
            return ordinal() <= other.ordinal();
        }
    }
}
