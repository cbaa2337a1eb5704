package io.tradepilot.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One raised alert and where it went.
 *
 * @param repeats        raises of the same rule and key folded into this alert by de-duplication
 * @param acknowledgedBy who acknowledged it, null while unacknowledged
 * @param acknowledgedAt when, null while unacknowledged
 */
public record AlertEntry(long id, AlertRule rule, Severity severity, String title, String body, Instant raisedAt,
                         int repeats, List<Delivery> deliveries, String acknowledgedBy, Instant acknowledgedAt) {

    public AlertEntry {
        deliveries = List.copyOf(deliveries);
    }

    /** An unacknowledged alert. */
    public AlertEntry(long id, AlertRule rule, Severity severity, String title, String body, Instant raisedAt,
                      int repeats, List<Delivery> deliveries) {
        this(id, rule, severity, title, body, raisedAt, repeats, deliveries, null, null);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The state of the alert's delivery to one channel. */
    public enum DeliveryStatus { PENDING, SENDING, SENT, FAILED }

    /**
     * One channel's delivery.
     *
     * @param nextAttemptAt when it is (or was) due next; for a held alert the end of the quiet hours
     * @param lastError     why the last attempt failed (never a secret), or null
     */
    public record Delivery(long channelId, String channelName, DeliveryStatus status, int attempts,
                           Instant nextAttemptAt, Instant sentAt, String lastError) {
    }
}
