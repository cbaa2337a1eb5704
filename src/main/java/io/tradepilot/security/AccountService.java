package io.tradepilot.security;

import org.springframework.security.access.prepost.PreAuthorize;

/** What every signed-in user may do with their own account. */
public interface AccountService {

    /**
     * Changes the caller's password. Refuses ({@link SecurityRefusal}) when the current password is
     * wrong or the new one breaks the policy (at least 12 characters, at most 72 bytes, not the
     * username, not the current password). Audited.
     */
    @PreAuthorize("isAuthenticated()")
    void changeOwnPassword(String currentPassword, String newPassword);
}
