package io.tradepilot.audit;

/** How an audited attempt ended. */
public enum AuditOutcome {
    /** The change was applied. */
    SUCCESS,
    /** The change was allowed but could not be applied (invalid input, wrong state, technical error). */
    FAILED,
    /** The caller was not allowed to make the change. */
    DENIED,
    /** The caller tried too often; the change was refused by a rate limit or a lockout. */
    RATE_LIMITED,
    /**
     * Recorded before the change was made ({@link AuditLog#begin}); the same record is completed with the
     * outcome. A record that stays PENDING means the process stopped between the two: look at the state.
     */
    PENDING
}
