package io.tradepilot.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Audits state-changing API requests that the security filters turn away before any controller runs (no
 * token, or a malformed, unknown, expired or revoked one: 401), as user {@code anonymous}, outcome DENIED,
 * with the action and target the path names. Role denials of signed-in callers are audited by the services
 * themselves. Register it just outside the security filter chain, so that it sees the final status. A
 * record the audit log cannot take goes to the application log at ERROR, in full.
 */
public final class UnauthenticatedAttemptAudit extends OncePerRequestFilter {

    /** What a POST path asks for: the audit action name and its target. */
    public record Attempt(String action, String target) {
        public Attempt {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
        }
    }

    private final AuditLog audit;
    private final Function<String, Optional<Attempt>> actions;

    /**
     * @param actions the attempt a POST path (without the context path and a trailing slash) makes; empty
     *                for a path that is not an audited action
     */
    public UnauthenticatedAttemptAudit(AuditLog audit, Function<String, Optional<Attempt>> actions) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || actions.apply(path(request)).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                actions.apply(path(request)).ifPresent(attempt -> record(request, attempt));
            }
        }
    }

    private void record(HttpServletRequest request, Attempt attempt) {
        String authorization = request.getHeader("Authorization");
        String detail = authorization == null || authorization.isBlank()
                ? "no API token: 401" : "API token refused (malformed, unknown, expired or revoked): 401";
        var entry = new AuditEntry("anonymous", attempt.action(), attempt.target(), null, AuditOutcome.DENIED, detail,
                request.getRemoteAddr());
        audit.record(entry);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
