package io.tradepilot.trading.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The stored strategy switches ({@code strategy_switch}): which configured strategies are deactivated
 * (entries refused, bars and exits continue). A strategy never switched is active.
 */
public interface StrategySwitches {

    /** One stored switch. */
    record Switch(String strategyId, boolean enabled, String changedBy, String reason, Instant changedAt) {}

    /** Every stored switch by strategy id. */
    Map<String, Switch> all();

    /** Stores a switch (insert or replace). */
    void store(Switch change);

    /** The ids of the deactivated strategies. */
    default Set<String> disabled() {
        return all().values().stream().filter(s -> !s.enabled()).map(Switch::strategyId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** No switches stored, none can be (hosts built without a store). */
    StrategySwitches NONE = new StrategySwitches() {
        @Override
        public Map<String, Switch> all() {
            return Map.of();
        }

        @Override
        public void store(Switch change) {
            throw new UnsupportedOperationException("no strategy switch store");
        }
    };
}
