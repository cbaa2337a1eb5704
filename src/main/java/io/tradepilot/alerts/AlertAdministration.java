package io.tradepilot.alerts;

import java.util.List;

/**
 * Configuration of alerts: channels, rules, quiet hours. Reading and changing are for admins only (method
 * security); every change is recorded in the audit log before it is made ({@link io.tradepilot.audit.AuditLog#begin})
 * and refused with 503 {@code AUDIT_UNAVAILABLE} when it cannot be. Secrets are taken here, stored encrypted,
 * and never returned, logged or audited.
 */
public interface AlertAdministration {

    /** Every channel, by name. */
    List<Channel> channels();

    /** @throws AlertRefusal for invalid input or a name already taken */
    Channel createChannel(ChannelRequest request);

    /** @throws AlertRefusal for invalid input, an unknown channel or a name already taken */
    Channel updateChannel(long id, ChannelRequest request);

    /** Deletes a channel with its pending deliveries. @throws AlertRefusal for an unknown channel */
    void deleteChannel(long id);

    /** Sends a test message to the channel now (enabled or not) and says what happened. */
    TestSendResult testSend(long id);

    /** Every rule's setting, in {@link AlertRule} order. */
    List<RuleSetting> rules();

    /**
     * Sets one rule.
     *
     * @param dedupSeconds 0..86400
     */
    RuleSetting updateRule(AlertRule rule, boolean enabled, Severity severity, int dedupSeconds);

    QuietHours quietHours();

    /** Sets the quiet hours (equal times: none). */
    QuietHours setQuietHours(QuietHours quietHours);
}
