package io.tradepilot.engine.strategy.exits;

import java.time.Instant;

/**
 * An operator alert from an exit policy. {@code key} = {@code {tradeId}_{hour}_{rule}} (hour: the bar's
 * start truncated to the hour, ISO), the de-duplication key.
 */
public record TrackerAlert(String key, String tradeId, Instant time, String rule, String message) {
}
