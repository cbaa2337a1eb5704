package io.tradepilot.security;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import java.util.function.Supplier;

/**
 * Audit records of the signed-in user's attempts, with the user and client address of {@link CurrentUser}: for
 * modules whose changes are recorded before they are made ({@link AuditLog#begin}) and whose refusals and
 * denials are recorded after ({@link AuditLog#record}). Overlong texts are cut by the audit log itself.
 */
public final class UserAudit {

    private final AuditLog audit;

    public UserAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records an answered attempt (a refusal, a denial) of the current user; never lost (see {@link AuditLog#record}). */
    public void record(String action, String target, AuditOutcome outcome, String detail) {
        audit.record(entry(action, target, outcome, detail));
    }

    /**
     * Records a change of the current user before it is made: the caller changes only when this returns, and
     * completes the record with the outcome.
     *
     * @param unavailable the module's refusal for a change that cannot be recorded (503 {@code AUDIT_UNAVAILABLE})
     * @throws RuntimeException the refusal {@code unavailable} gives, when the record cannot be written: make no change
     */
    public AuditLog.Pending begin(String action, String target, String detail, Supplier<? extends RuntimeException> unavailable) {
        try {
            return audit.begin(entry(action, target, AuditOutcome.PENDING, detail));
        } catch (AuditUnavailableException e) {
            throw unavailable.get();
        }
    }

    private static AuditEntry entry(String action, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(CurrentUser.username(), action, target == null || target.isBlank() ? "-" : target, null, outcome,
                detail, CurrentUser.clientAddress());
    }
}
