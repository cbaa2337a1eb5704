package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.Severity;
import java.util.Map;

/**
 * A channel as the sender uses it, with its secret opened. Lives only in memory for one send; its
 * {@link #toString()} leaves the secret out so it can never reach a log by accident.
 */
record ChannelConfig(long id, String name, ChannelKind kind, boolean enabled, Severity minSeverity, int ratePerMinute,
                     Map<String, String> settings, String secret) {

    ChannelConfig {
        settings = Map.copyOf(settings);
    }

    String setting(String key) {
        return settings.get(key);
    }

    String setting(String key, String fallback) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "ChannelConfig[id=" + id + ", name=" + name + ", kind=" + kind + "]";
    }
}
