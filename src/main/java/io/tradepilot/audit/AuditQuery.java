package io.tradepilot.audit;

import java.time.Instant;
import java.util.List;

/** Reads the audit log for people: filtered, newest first, a page at a time. Operator or admin. */
public interface AuditQuery {

    /**
     * Which records to show; every criterion is optional (null means "any").
     *
     * @param from    records at or after this moment
     * @param to      records before this moment
     * @param user    exact username (case-insensitive)
     * @param action  exact action, e.g. {@code KILL_SWITCH_ENGAGE}
     * @param outcome exact outcome
     */
    record Filter(Instant from, Instant to, String user, String action, AuditOutcome outcome) {
        public static Filter any() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** One audit record as stored. */
    record Row(long id, Instant occurredAt, String username, String action, String target, String reason,
               AuditOutcome outcome, String detail, String clientAddress) {
    }

    /** The records matching {@code filter}, newest first, skipping {@code offset} and returning at most {@code limit}. */
    List<Row> find(Filter filter, int offset, int limit);

    /** How many records match {@code filter}. */
    int count(Filter filter);

    /** Every action name that occurs in the log, sorted. */
    List<String> actions();
}
