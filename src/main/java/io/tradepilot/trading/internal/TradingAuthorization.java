package io.tradepilot.trading.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.trading.TradingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Who may perform which manual trading action (a role includes the ones below it), and the audit record of
 * every attempt. A denial is recorded before it is thrown, so no denied attempt goes unrecorded.
 */
final class TradingAuthorization {

    private static final Logger log = LoggerFactory.getLogger(TradingAuthorization.class);

    private final AuditLog audit;

    TradingAuthorization(AuditLog audit) {
        this.audit = audit;
    }

    /** Whether the current user's role permits {@code action}. */
    static boolean permits(TradingAction action) {
        return CurrentUser.role().map(r -> r.includes(Role.valueOf(action.minimumRole()))).orElse(false);
    }

    /**
     * Returns when the current user may perform {@code action}; otherwise audits the attempt as DENIED and throws.
     *
     * @throws AuthorizationDeniedException when the role does not permit it
     */
    void require(TradingAction action, String target, String reason) {
        if (!permits(action)) {
            deny(action, target, reason, "requires role " + action.minimumRole());
            throw new AuthorizationDeniedException("Access denied: " + action.auditName() + " requires role " + action.minimumRole(),
                    new AuthorizationDecision(false));
        }
    }

    void deny(TradingAction action, String target, String reason, String detail) {
        record(action, target, reason, AuditOutcome.DENIED, detail);
    }

    /**
     * Writes one audit record for the current user and client. A failing audit log must not turn an applied
     * action into an error: the record then goes to the application log at ERROR, in full.
     */
    void record(TradingAction action, String target, String reason, AuditOutcome outcome, String detail) {
        var entry = new AuditEntry(CurrentUser.username(), action.auditName(), target == null || target.isBlank() ? "-" : cut(target, 200),
                reason == null || reason.isBlank() ? null : cut(reason.strip(), ActionRules.MAX_REASON), outcome,
                detail == null ? null : cut(detail, 1000), clientAddress());
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            log.error("AUDIT RECORD LOST (audit log unavailable: {}): {}", e.getMessage(), entry);
        }
    }

    /** The client's address: the HTTP request's, else the Vaadin request's or session's; null outside a request. */
    static String clientAddress() {
        String fromRequest = CurrentUser.clientAddress();
        if (fromRequest != null) return fromRequest;
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) return request.getRemoteAddr();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null) return session.getBrowser().getAddress();
        return null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
