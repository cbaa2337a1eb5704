/**
 * The alerts' implementation: the store (jOOQ) with the outbox, the {@link io.tradepilot.alerts.internal.OutboxSender}
 * that delivers, one transport per channel kind, the {@link io.tradepilot.security.SecretBox} that seals
 * channel secrets, and the sources that turn the application's facts into alerts.
 */
package io.tradepilot.alerts.internal;
