package io.tradepilot.audit;

/**
 * Records attempted state changes. Recording is independent of the caller's transaction: an entry
 * for a refused or rolled-back change is kept.
 */
public interface AuditLog {

    /** Records one entry, stamped with the current time. */
    void record(AuditEntry entry);
}
