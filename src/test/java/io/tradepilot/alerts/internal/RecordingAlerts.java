package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Alerts} for the polling sources' unit tests: each raise is recorded as {@code rule|key|sourceId|title|body} in
 * {@link #raised}; while {@link #failing} a raise throws, as when the database is down. Reads answer nothing.
 */
final class RecordingAlerts implements Alerts {

    final List<String> raised = new ArrayList<>();
    boolean failing;

    @Override
    public Optional<Long> raise(AlertRule rule, String key, String sourceId, String title, String body) {
        if (failing) throw new IllegalStateException("database down");
        raised.add(rule + "|" + key + "|" + sourceId + "|" + title + "|" + body);
        return Optional.of((long) raised.size());
    }

    @Override
    public List<AlertEntry> history(int offset, int limit) {
        return List.of();
    }

    @Override
    public AlertEntry acknowledge(long id) {
        throw new UnsupportedOperationException("not raised here");
    }

    @Override
    public long unacknowledged() {
        return 0;
    }
}
