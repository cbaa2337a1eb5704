package io.tradepilot.alerts;

import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;

import java.util.List;
import java.util.Optional;

/**
 * Raises alerts and reads their history. Raising is for the application's own sources (control changes,
 * sign-in bursts, reports); reading is for every signed-in role.
 */
public interface Alerts {

    /**
     * Raises an alert for rule {@code rule} in one transaction: when the rule is on, the alert and one outbox
     * delivery per enabled channel whose minimum severity it reaches are stored together (a delivery raised in
     * quiet hours below CRITICAL waits until they end). Nothing is sent here: the outbox sender does that.
     *
     * @param key      what the alert is about, for de-duplication (same rule and key within the rule's window
     *                 folds into the earlier alert, whose repeat count grows); 1..200 characters
     * @param sourceId the fact's own id when several instances (or a restart) may raise the same fact; a
     *                 second raise with the same id does nothing. May be null.
     * @return the new alert's id; empty when the rule is off, the raise was folded into an earlier alert, or
     *         the fact was already raised
     */
    Optional<Long> raise(AlertRule rule, String key, String sourceId, String title, String body);

    /** The newest alerts with their deliveries, newest first ({@code limit} 1..500, {@code offset} ≥ 0). */
    List<AlertEntry> history(int offset, int limit);

    /**
     * Acknowledges alert {@code id} as the signed-in user (operators and admins; a viewer's attempt is recorded
     * DENIED as {@code ALERT_ACKNOWLEDGE}): who and when are stored once. Recorded in the audit log before it is made
     * ({@code ALERT_ACKNOWLEDGED}).
     *
     * @throws AlertRefusal 404 {@code ALERT_NOT_FOUND}, 409 {@code ALERT_ALREADY_ACKNOWLEDGED} (naming who),
     *                      503 {@code AUDIT_UNAVAILABLE}
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    AlertEntry acknowledge(long id);

    /** How many alerts nobody has acknowledged yet (the header's count); any signed-in role. */
    long unacknowledged();
}
