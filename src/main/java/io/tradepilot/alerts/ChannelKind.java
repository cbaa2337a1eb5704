package io.tradepilot.alerts;

/**
 * The kinds of channel an alert can go out on, with the settings each takes and what its one secret is.
 * <ul>
 *   <li>{@link #TELEGRAM}: settings {@code chatId} (required), {@code apiBaseUrl} (optional, default
 *   {@code tradepilot.alerts.telegram-base-url}); secret: the bot token.</li>
 *   <li>{@link #EMAIL}: settings {@code host}, {@code port}, {@code from}, {@code to} (comma-separated),
 *   {@code username} (optional), {@code startTls} ({@code true}/{@code false}, default {@code true}); secret: the
 *   SMTP password (optional).</li>
 *   <li>{@link #WEBHOOK}: setting {@code format} ({@code JSON} or {@code SLACK}, default {@code JSON}); secret: the
 *   full URL (its path and query often hold a token), shown as scheme, host and port only.</li>
 * </ul>
 */
public enum ChannelKind {
    TELEGRAM, EMAIL, WEBHOOK
}
