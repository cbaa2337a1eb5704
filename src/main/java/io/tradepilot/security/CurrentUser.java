package io.tradepilot.security;

import io.tradepilot.security.Roles.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is calling, for audit records and UIs: the signed-in user (web session or API token) of the
 * current thread, and the client address of the current HTTP request.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The caller's username, or {@code "anonymous"}. */
    public static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return isSignedIn(authentication) ? authentication.getName() : "anonymous";
    }

    /** The caller's highest role, empty when nobody is signed in. */
    public static Optional<Role> role() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isSignedIn(authentication)) {
            return Optional.empty();
        }
        for (Role role : Role.values()) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                if (role.authority().equals(authority.getAuthority())) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    /** The remote address of the HTTP request being served on this thread, or {@code null}. */
    public static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
