package io.tradepilot.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * A configured channel as admins see it: settings in the clear, the secret never — only whether one is set
 * and a masked hint ({@code ••••1a2b} for a token or password, the scheme, host and port of a webhook URL).
 */
public record Channel(long id, String name, ChannelKind kind, boolean enabled, Severity minSeverity, int ratePerMinute,
                      Map<String, String> settings, boolean secretSet, String secretHint, String updatedBy,
                      Instant updatedAt) {

    public Channel {
        settings = Map.copyOf(settings);
    }
}
