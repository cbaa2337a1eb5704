package io.tradepilot.security;

import io.tradepilot.security.Roles.Role;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Managing users: admins only. Every change is audited. Refusals the admin can act on (a taken
 * username, a weak password, removing the last enabled admin) throw {@link SecurityRefusal}; calls
 * by anyone but an admin throw {@link org.springframework.security.access.AccessDeniedException}
 * and are audited as DENIED.
 */
public interface UserAdministration {

    /** Who may call: admins. */
    String ADMIN_ONLY = "hasRole('" + Roles.ADMIN + "')";

    /** All users, by username. */
    @PreAuthorize(ADMIN_ONLY)
    List<UserSummary> listUsers();

    /**
     * Creates an enabled user.
     *
     * @param username 3–64 characters: lower-case letters, digits, '.', '_' or '-'
     * @param password the initial password, or {@code null} to generate one (returned once)
     */
    @PreAuthorize(ADMIN_ONLY)
    CreatedUser createUser(String username, Role role, String password);

    /** Gives a user another role; refuses to leave no enabled admin. Ends the user's sessions. */
    @PreAuthorize(ADMIN_ONLY)
    UserSummary changeRole(String username, Role role);

    /**
     * Enables or disables a user. A disabled user cannot sign in, their sessions end and their API
     * tokens stop working. Refuses to disable oneself or the last enabled admin.
     */
    @PreAuthorize(ADMIN_ONLY)
    UserSummary setEnabled(String username, boolean enabled);

    /**
     * Replaces a user's password with a generated one, returned once, and lifts any lockout.
     * Ends the user's sessions.
     */
    @PreAuthorize(ADMIN_ONLY)
    String resetPassword(String username);
}
