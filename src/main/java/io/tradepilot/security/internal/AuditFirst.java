package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.SecurityRefusal;

/**
 * User and token administration is recorded before it is done ({@link AuditLog#begin}): none of it makes trading
 * safer, so none of it happens while the audit log cannot be written.
 */
final class AuditFirst {

    private AuditFirst() {
    }

    /**
     * Records the current user's attempt of {@code action} on {@code target} as PENDING.
     *
     * @throws SecurityRefusal when the audit log cannot be written (the refusal is recorded by the audit log)
     */
    static AuditLog.Pending begin(AuditLog audit, String action, String target) {
        try {
            return audit.begin(new AuditEntry(CurrentUser.username(), action, target == null || target.isEmpty() ? "-" : target,
                    null, AuditOutcome.PENDING, null, CurrentUser.clientAddress()));
        } catch (AuditUnavailableException e) {
            throw new SecurityRefusal(e.getMessage());
        }
    }
}
