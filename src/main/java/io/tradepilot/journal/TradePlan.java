package io.tradepilot.journal;

import java.math.BigDecimal;

/**
 * What a strategy planned for a trade when it entered it, where it recorded a plan (a 3WI setup: {@code source} is
 * {@code "3WI setup <id>"}): the planned entry, the protective stop and the targets (T1: book half, T2: exit the rest).
 * Prices may be null when the plan had none.
 */
public record TradePlan(String source, BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2) {
}
