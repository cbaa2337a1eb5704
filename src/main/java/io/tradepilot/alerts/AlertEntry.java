package io.tradepilot.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One raised alert and where it went.
 *
 * @param repeats raises of the same rule and key folded into this alert by de-duplication
 */
public record AlertEntry(long id, AlertRule rule, Severity severity, String title, String body, Instant raisedAt,
                         int repeats, List<Delivery> deliveries) {

    public AlertEntry {
        deliveries = List.copyOf(deliveries);
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
