package io.tradepilot.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
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

    /**
     * The network address of the client being served on this thread, for the audit log: the HTTP request's,
     * else the Vaadin request's or session's (e.g. inside a push round trip); {@code null} outside a request
     * (e.g. the engine's own actions).
     */
    public static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) return request.getRemoteAddr();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null) return session.getBrowser().getAddress();
        return null;
    }

    private static boolean isSignedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
