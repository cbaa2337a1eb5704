package io.tradepilot.controls.web;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.ControlAction;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Audits control requests that the API's security filters turn away before any controller runs:
 * no token, or a malformed, unknown, expired or revoked one (401). Role denials of signed-in
 * callers are audited by {@link io.tradepilot.controls.ControlService} itself. Runs around the
 * security filter chain, so it sees the final status.
 */
final class UnauthenticatedControlAudit extends OncePerRequestFilter {

    static final Map<String, ControlAction> ACTIONS = Map.of(
            "/api/v1/pause", ControlAction.PAUSE,
            "/api/v1/resume", ControlAction.RESUME,
            "/api/v1/kill-switch/engage", ControlAction.ENGAGE_KILL_SWITCH,
            "/api/v1/kill-switch/disengage", ControlAction.DISENGAGE_KILL_SWITCH,
            "/api/v1/circuit-breaker/trip", ControlAction.TRIP_CIRCUIT_BREAKER,
            "/api/v1/circuit-breaker/reset", ControlAction.RESET_CIRCUIT_BREAKER);

    private final AuditLog audit;

    UnauthenticatedControlAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !ACTIONS.containsKey(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                ControlAction action = ACTIONS.get(path(request));
                String authorization = request.getHeader("Authorization");
                String detail = authorization == null || authorization.isBlank()
                        ? "no API token: 401" : "API token refused (malformed, unknown, expired or revoked): 401";
                var entry = new AuditEntry("anonymous", action.auditName(), action.control().key(), null,
                        AuditOutcome.DENIED, detail, request.getRemoteAddr());
                try {
                    audit.record(entry);
                } catch (RuntimeException e) {
                    logger.error("AUDIT RECORD LOST (audit log unavailable: " + e.getMessage() + "): " + entry);
                }
            }
        }
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
