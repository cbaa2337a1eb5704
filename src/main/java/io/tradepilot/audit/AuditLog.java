package io.tradepilot.audit;

/**
 * Records attempted state changes, so that no attempt — applied, refused, denied — goes unrecorded, even while
 * the audit store (PostgreSQL) is unreachable. Recording is independent of the caller's transaction: an entry
 * for a refused or rolled-back change is kept. Two ways to record, chosen by what the change does:
 * <ul>
 *   <li>{@link #record}: after the fact — an attempt already answered (a refusal, a denial, a sign-in) or a
 *   change that makes trading safer and is applied whatever happens to the audit store (engage the kill switch,
 *   pause, trip the circuit breaker, flatten, cancel, close). When the store cannot take the record, it is kept
 *   in a local append-only spool (fsync'd) and written to the store once it is back, exactly once.</li>
 *   <li>{@link #begin}: before the fact — every other change (resume, disengage, reset, new orders, strategy
 *   activation, user and token administration) is made only after its record is in the store; when it cannot
 *   be written, the change is refused ({@link AuditUnavailableException}).</li>
 * </ul>
 * Texts are stored as given except control characters other than tab and line breaks, which are stored as
 * <code>&#92;uXXXX</code> escapes, and overlong texts, which are cut to the column sizes: content never makes a record fail.
 */
@FunctionalInterface
public interface AuditLog {

    /**
     * Records one entry, stamped with the current time: in the store, or when the store cannot take it (or
     * spooled records are still waiting), in the local spool. Never throws for an unavailable store; only when
     * the spool cannot be written either is the entry written to the application log at ERROR, in full
     * ("AUDIT RECORD LOST").
     */
    void record(AuditEntry entry);

    /**
     * Writes {@code attempt} to the store as {@link AuditOutcome#PENDING} before the change is made, and answers
     * the handle that completes the same record with the outcome. The caller makes the change only when this
     * returns.
     *
     * @param attempt who attempts what on which target and why; its outcome must be {@link AuditOutcome#PENDING}
     * @throws AuditUnavailableException when the store cannot take the record: make no change. The attempt is
     *                                   then recorded as FAILED (detail {@code AUDIT_UNAVAILABLE: …}) through the
     *                                   spool.
     * <p>
     * This default suits only a log whose {@link #record} cannot fail (one in memory): it writes nothing before
     * the change and records the completed entry. The application's log, which can be unavailable, overrides it.
     */
    default Pending begin(AuditEntry attempt) {
        if (attempt.outcome() != AuditOutcome.PENDING) {
            throw new IllegalArgumentException("A record written before its change is PENDING, not " + attempt.outcome());
        }
        java.util.concurrent.atomic.AtomicBoolean completed = new java.util.concurrent.atomic.AtomicBoolean();
        return (outcome, detail) -> {
            if (outcome == AuditOutcome.PENDING) {
                throw new IllegalArgumentException("A record is completed with its outcome, not PENDING");
            }
            if (completed.compareAndSet(false, true)) {
                record(attempt.withOutcome(outcome, detail));
            }
        };
    }

    /** A record written before its change; completed once with how the attempt ended. */
    @FunctionalInterface
    interface Pending {

        /**
         * Completes the record with its outcome (never {@link AuditOutcome#PENDING}). Like {@link #record}: in
         * the store, else through the spool; never throws for an unavailable store. Only the first call counts.
         */
        void complete(AuditOutcome outcome, String detail);
    }
}
