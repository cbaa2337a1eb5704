package io.tradepilot.audit;

import java.util.Objects;

/**
 * One attempted state change to record. The time is stamped by the audit log from its clock.
 *
 * @param username      who attempted it ({@code "anonymous"} or {@code "system"} when nobody is signed in)
 * @param action        what was attempted, an upper-case verb phrase such as {@code USER_CREATED} or
 *                      {@code KILL_SWITCH_ENGAGE}
 * @param target        what it was attempted on (a username, a token name, {@code kill-switch})
 * @param reason        the reason the user gave, or {@code null}
 * @param outcome       how it ended
 * @param detail        why it ended that way, or {@code null}; never a secret
 * @param clientAddress the client's IP address, or {@code null} when not from a request
 */
public record AuditEntry(String username, String action, String target, String reason,
                         AuditOutcome outcome, String detail, String clientAddress) {

    public AuditEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** This attempt with another outcome and detail. */
    public AuditEntry withOutcome(AuditOutcome outcome, String detail) {
        return new AuditEntry(username, action, target, reason, outcome, detail, clientAddress);
    }
}
