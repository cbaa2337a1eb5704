package io.tradepilot.trading.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.trading.TradingAction;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Who may perform which manual trading action (a role includes the ones below it), and the audit record of
 * every attempt. A denial is recorded before it is thrown, so no denied attempt goes unrecorded.
 */
final class TradingAuthorization {


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
     * Writes one audit record for the current user and client ({@link AuditLog#recordOrLog}: a failing audit log
     * does not turn an applied action into an error).
     */
    void record(TradingAction action, String target, String reason, AuditOutcome outcome, String detail) {
        var entry = new AuditEntry(CurrentUser.username(), action.auditName(), target == null || target.isBlank() ? "-" : cut(target, 200),
                reason == null || reason.isBlank() ? null : cut(reason.strip(), ActionRules.MAX_REASON), outcome,
                detail == null ? null : cut(detail, 1000), CurrentUser.clientAddress());
        audit.recordOrLog(entry);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
