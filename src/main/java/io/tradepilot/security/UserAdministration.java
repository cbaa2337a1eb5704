package io.tradepilot.security;

import io.tradepilot.security.Roles.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Managing users: admins only. Every change is audited. Refusals the admin can act on (a taken
 * username, a weak password, removing the last enabled admin) throw {@link SecurityRefusal}; calls
 * by anyone but an admin throw {@link org.springframework.security.access.AccessDeniedException}.
 */
public interface UserAdministration {

    /** All users, by username. */
    @RolesAllowed(Roles.ADMIN)
    List<UserSummary> listUsers();

    /**
     * Creates an enabled user.
     *
     * @param username 3–64 characters: lower-case letters, digits, '.', '_' or '-'
     * @param password the initial password, or {@code null} to generate one (returned once)
     */
    @RolesAllowed(Roles.ADMIN)
    CreatedUser createUser(String username, Role role, String password);

    /** Gives a user another role; refuses to leave no enabled admin. Ends the user's sessions. */
    @RolesAllowed(Roles.ADMIN)
    UserSummary changeRole(String username, Role role);

    /**
     * Enables or disables a user. A disabled user cannot sign in, their sessions end and their API
     * tokens stop working. Refuses to disable oneself or the last enabled admin.
     */
    @RolesAllowed(Roles.ADMIN)
    UserSummary setEnabled(String username, boolean enabled);

    /**
     * Replaces a user's password with a generated one, returned once, and lifts any lockout.
     * Ends the user's sessions.
     */
    @RolesAllowed(Roles.ADMIN)
    String resetPassword(String username);
}
