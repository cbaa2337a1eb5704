package io.tradepilot.trading.web;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.trading.TradingAction;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits manual trading requests that the API's security filters turn away before any controller runs
 * (no token, or a malformed, unknown, expired or revoked one: 401), as user {@code anonymous}. Role
 * denials of signed-in callers are audited by the services themselves. Runs around the security filter
 * chain, so it sees the final status.
 */
final class UnauthenticatedTradingAudit extends OncePerRequestFilter {

    /** POST paths and the action each performs; group 1, when present, is the target. */
    static final Map<Pattern, TradingAction> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put(Pattern.compile("/api/v1/orders/cancel-all"), TradingAction.CANCEL_ALL);
        ACTIONS.put(Pattern.compile("/api/v1/orders/([^/]+)/cancel"), TradingAction.CANCEL_ORDER);
        ACTIONS.put(Pattern.compile("/api/v1/positions/([^/]+)/close"), TradingAction.CLOSE_POSITION);
        ACTIONS.put(Pattern.compile("/api/v1/flatten"), TradingAction.FLATTEN_ALL);
        ACTIONS.put(Pattern.compile("/api/v1/orders(/preview)?"), TradingAction.MANUAL_ORDER);
        ACTIONS.put(Pattern.compile("/api/v1/strategies/([^/]+)/activate"), TradingAction.ACTIVATE_STRATEGY);
        ACTIONS.put(Pattern.compile("/api/v1/strategies/([^/]+)/deactivate"), TradingAction.DEACTIVATE_STRATEGY);
    }

    private final AuditLog audit;

    UnauthenticatedTradingAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || match(path(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                Map.Entry<TradingAction, String> hit = match(path(request));
                String authorization = request.getHeader("Authorization");
                String detail = authorization == null || authorization.isBlank()
                        ? "no API token: 401" : "API token refused (malformed, unknown, expired or revoked): 401";
                var entry = new AuditEntry("anonymous", hit.getKey().auditName(), hit.getValue(), null, AuditOutcome.DENIED, detail,
                        request.getRemoteAddr());
                try {
                    audit.record(entry);
                } catch (RuntimeException e) {
                    logger.error("AUDIT RECORD LOST (audit log unavailable: " + e.getMessage() + "): " + entry);
                }
            }
        }
    }

    /** The action and target of a path, or null when it is not a trading action. */
    static Map.Entry<TradingAction, String> match(String path) {
        for (var e : ACTIONS.entrySet()) {
            Matcher m = e.getKey().matcher(path);
            if (m.matches()) {
                String target = m.groupCount() >= 1 && m.group(1) != null && !m.group(1).startsWith("/") ? m.group(1)
                        : path.endsWith("/preview") ? "preview" : "all";
                return Map.entry(e.getValue(), target.length() > 200 ? target.substring(0, 200) : target);
            }
        }
        return null;
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
