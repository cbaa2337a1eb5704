package io.tradepilot.alerts;

import java.util.Map;

/**
 * A channel to create, or the new configuration of one (see {@link ChannelKind} for the settings of each kind).
 *
 * @param name          1..64 characters of plain single-line text, unique
 * @param minSeverity   the least severity this channel carries (null: INFO)
 * @param ratePerMinute at most this many deliveries a minute (1..600; null: 20); the rest wait
 * @param secret        the bot token, SMTP password or webhook URL; on an update null keeps the stored one
 */
public record ChannelRequest(String name, ChannelKind kind, Boolean enabled, Severity minSeverity, Integer ratePerMinute,
                             Map<String, String> settings, String secret) {

    public ChannelRequest {
        settings = settings == null ? Map.of() : settings;
    }
}
