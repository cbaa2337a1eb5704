/**
 * Alerts: tell people who are not looking at the screen that something needs them. Rules ({@link io.tradepilot.alerts.AlertRule})
 * turn facts the application already has (control changes, failed sign-in bursts, the end-of-day report) into alerts
 * with a {@link io.tradepilot.alerts.Severity}; channels (Telegram, email, webhooks) carry them out through a
 * transactional outbox. {@link io.tradepilot.alerts.Alerts} raises and reads alerts; {@link io.tradepilot.alerts.AlertAdministration}
 * configures channels, rules and quiet hours (admins only, audited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts")
package io.tradepilot.alerts;
