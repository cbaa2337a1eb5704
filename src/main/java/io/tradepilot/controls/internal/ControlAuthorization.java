package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.security.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

/**
 * Decides whether the current user may perform a control action, from their roles (a role
 * includes the ones below it). A denial is written to the audit log before it is thrown, so no
 * denied attempt goes unrecorded. {@link io.tradepilot.controls.ControlService} asks this inside
 * every mutating method, behind {@code @PreAuthorize} whose denials are audited by
 * {@link AuditingDeniedHandler}.
 */
public final class ControlAuthorization {

    private final AuditLog audit;

    public ControlAuthorization(AuditLog audit) {
        this.audit = audit;
    }

    /** The name of the current user, or {@code anonymous}. */
    public static String currentUser() {
        return CurrentUser.username();
    }

    /** Whether the current user holds a role that permits {@code action}. */
    public static boolean permits(ControlAction action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return false;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        return roles.stream().anyMatch(action::permits);
    }

    /**
     * Returns normally when the current user may perform {@code action}; otherwise audits the
     * attempt as DENIED and throws.
     *
     * @throws AuthorizationDeniedException when the user's role does not permit the action
     */
    public void require(ControlAction action, String reason) {
        if (!permits(action)) {
            deny(action, reason, "requires role " + action.minimumRole());
            throw new AuthorizationDeniedException("Access denied: " + action.auditName() + " requires role "
                    + action.minimumRole(), new AuthorizationDecision(false));
        }
    }

    /** Writes the audit record of a denied attempt. */
    public void deny(ControlAction action, String reason, String detail) {
        audit.record(new AuditEntry(currentUser(), action.auditName(), action.control().key(),
                reason == null || reason.isBlank() ? null : reason.strip(), AuditOutcome.DENIED, detail,
                CurrentUser.clientAddress()));
    }

}
