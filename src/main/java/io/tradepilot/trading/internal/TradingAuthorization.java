package io.tradepilot.trading.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
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
        attempt(action, target, reason).ended(AuditOutcome.DENIED, detail);
    }

    /** The audit record of one attempt of {@code action} by the current user and client. */
    Attempt attempt(TradingAction action, String target, String reason) {
        return new Attempt(new AuditEntry(CurrentUser.username(), action.auditName(),
                target == null || target.isBlank() ? "-" : cut(target, 200),
                reason == null || reason.isBlank() ? null : cut(reason.strip(), ActionRules.MAX_REASON), AuditOutcome.PENDING,
                null, CurrentUser.clientAddress()));
    }

    /** The audit record of one attempt described by {@code entry} (its outcome PENDING), made by a caller that is no signed-in user. */
    Attempt attempt(AuditEntry entry) {
        return new Attempt(entry);
    }

    /**
     * One attempt's audit record: written when it ended ({@link AuditLog#record}: never lost, spooled while the audit
     * log is down), or begun before the action ({@link #begin()}) and completed when it ended.
     */
    final class Attempt {

        private final AuditEntry entry;
        private AuditLog.Pending pending;
        private boolean recordedByTheAuditLog;

        private Attempt(AuditEntry entry) {
            this.entry = entry;
        }

        /**
         * Records the attempt before the action is carried out.
         *
         * @throws AuditUnavailableException when it cannot be recorded: do not carry it out. The audit log records
         *                                   that refusal itself; {@link #ended} then records nothing more.
         */
        void begin() {
            try {
                pending = audit.begin(entry);
            } catch (AuditUnavailableException e) {
                recordedByTheAuditLog = true;
                throw e;
            }
        }

        /** Records how the attempt ended (once). */
        void ended(AuditOutcome outcome, String detail) {
            if (recordedByTheAuditLog) {
                return;
            }
            String cutDetail = detail == null ? null : cut(detail, 1000);
            if (pending != null) {
                pending.complete(outcome, cutDetail);
            } else {
                audit.record(entry.withOutcome(outcome, cutDetail));
            }
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
