package io.tradepilot.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in web session that has been idle longer than the idle limit (15 min) or that began
 * longer ago than the absolute limit (4 h), measured with the application's clock. It runs before
 * the security context is loaded, so an ended session simply makes the request anonymous (and the
 * user is sent to the sign-in page). Vaadin heartbeats do not count as activity.
 */
class SessionLimitFilter extends OncePerRequestFilter {

    static final String AUTHENTICATED_AT = SessionLimitFilter.class.getName() + ".authenticatedAt";
    static final String LAST_ACTIVITY_AT = SessionLimitFilter.class.getName() + ".lastActivityAt";
    private static final Logger log = LoggerFactory.getLogger(SessionLimitFilter.class);

    private final Clock clock;
    private final Duration idleLimit;
    private final Duration absoluteLimit;

    SessionLimitFilter(Clock clock, Duration idleLimit, Duration absoluteLimit) {
        this.clock = clock;
        this.idleLimit = idleLimit;
        this.absoluteLimit = absoluteLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            checkLimits(request, session);
        }
        chain.doFilter(request, response);
        stampSignIn(request.getSession(false));
    }

    /** The request that signs in starts both clocks (the session may be a new one after sign-in). */
    private void stampSignIn(HttpSession session) {
        try {
            if (session != null && session.getAttribute(AUTHENTICATED_AT) == null
                    && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
                Instant now = clock.instant();
                session.setAttribute(AUTHENTICATED_AT, now);
                session.setAttribute(LAST_ACTIVITY_AT, now);
            }
        } catch (IllegalStateException invalidated) {
            // signed out during the request
        }
    }

    private void checkLimits(HttpServletRequest request, HttpSession session) {
        try {
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null) {
                return;
            }
            Instant now = clock.instant();
            Instant authenticatedAt = (Instant) session.getAttribute(AUTHENTICATED_AT);
            Instant lastActivityAt = (Instant) session.getAttribute(LAST_ACTIVITY_AT);
            if (authenticatedAt == null) {
                session.setAttribute(AUTHENTICATED_AT, now);
                session.setAttribute(LAST_ACTIVITY_AT, now);
                return;
            }
            String ended = null;
            if (Duration.between(authenticatedAt, now).compareTo(absoluteLimit) > 0) {
                ended = "absolute limit of " + absoluteLimit;
            } else if (lastActivityAt != null && Duration.between(lastActivityAt, now).compareTo(idleLimit) > 0) {
                ended = "idle limit of " + idleLimit;
            }
            if (ended != null) {
                log.info("Ending a web session: {} reached", ended);
                session.invalidate();
                return;
            }
            if (!isHeartbeat(request)) {
                session.setAttribute(LAST_ACTIVITY_AT, now);
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // the session ended concurrently: nothing to limit
        }
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        return "heartbeat".equals(request.getParameter("v-r"));
    }
}
