package io.tradepilot.runbook;

import java.time.Instant;
import java.util.List;

/**
 * An incident: what happened, its timeline and how it ended.
 *
 * @param alertId the alert it was opened from, or null
 */
public record Incident(long id, String title, Status status, Long alertId, String openedBy, Instant openedAt,
                       String closedBy, Instant closedAt, String resolution, List<Entry> timeline) {

    public Incident {
        timeline = List.copyOf(timeline);
    }

    public enum Status { OPEN, CLOSED }

    /** One timeline entry. */
    public record Entry(Instant at, String username, String text) {
    }
}
