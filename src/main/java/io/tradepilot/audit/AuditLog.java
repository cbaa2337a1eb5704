package io.tradepilot.audit;

import org.slf4j.LoggerFactory;

/**
 * Records attempted state changes. Recording is independent of the caller's transaction: an entry
 * for a refused or rolled-back change is kept.
 */
public interface AuditLog {

    /** Records one entry, stamped with the current time. */
    void record(AuditEntry entry);

    /**
     * Records one entry for a change that is already made (or an attempt already answered) and cannot be
     * taken back: a failing audit log must not turn it into an error, so when the log cannot take the entry
     * it goes to the application log instead, at ERROR, in full ("AUDIT RECORD LOST").
     */
    default void recordOrLog(AuditEntry entry) {
        try {
            record(entry);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AuditLog.class).error("AUDIT RECORD LOST (audit log unavailable: {}): {}", e.getMessage(), entry);
        }
    }
}
