package io.tradepilot.alerts;

/**
 * What happened to a test message sent straight to a channel (not through the outbox).
 *
 * @param detail what the channel answered, or why it failed; never a secret
 */
public record TestSendResult(boolean delivered, String detail) {
}
