package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One alert on its way to one channel. {@link #idempotencyKey()} is the same for every attempt of the same
 * delivery, so a receiver that keeps it can drop a repeat (e.g. the one attempt made again after a crash
 * between sending and recording it).
 */
record OutgoingAlert(long deliveryId, long alertId, AlertRule rule, Severity severity, String title, String body,
                     Instant raisedAt, int repeats) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code [CRITICAL] title}. */
    String subject() {
        return "[" + severity + "] " + title;
    }

    /** The message as people read it: the subject, the body, and when, which rule and which alert. */
    String text() {
        return subject() + "\n" + body + "\n" + "Raised " + TIME.format(raisedAt) + " · " + rule + " · alert #" + alertId;
    }

    String idempotencyKey() {
        return "tradepilot-alert-" + alertId + "-" + deliveryId;
    }
}
