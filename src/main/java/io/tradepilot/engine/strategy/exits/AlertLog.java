package io.tradepilot.engine.strategy.exits;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects alerts, at most one per trade, hour and rule (the seed's {@code {position}_{hour}_{action}}). */
public final class AlertLog {
    private final Set<String> keys = new HashSet<>();
    private final List<TrackerAlert> alerts = new ArrayList<>();

    /** Records the alert unless one with the same trade, hour and rule exists; true when recorded. */
    public boolean add(String tradeId, Instant time, String rule, String message) {
        String key = tradeId + "_" + time.truncatedTo(ChronoUnit.HOURS) + "_" + rule;
        if (!keys.add(key)) return false;
        alerts.add(new TrackerAlert(key, tradeId, time, rule, message));
        return true;
    }

    public List<TrackerAlert> alerts() {
        return Collections.unmodifiableList(alerts);
    }
}
