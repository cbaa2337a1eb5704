package io.tradepilot.strategies;

import java.time.Instant;

/**
 * One immutable stored version of a configuration.
 *
 * @param kind      {@code STRATEGY} or {@code RISK}
 * @param key       the strategy id, or {@code limits}
 * @param version   1, 2, … per key
 * @param document  the YAML document, valid when it was stored
 * @param basedOn   the version it was edited, cloned or rolled back from (null: seeded or created)
 * @param createdBy who stored it
 * @param reason    why (required)
 * @param applied   whether this is the version an engine start runs now
 */
public record ConfigVersion(String kind, String key, int version, String document, Integer basedOn, String createdBy,
                            Instant createdAt, String reason, boolean applied) {
}
