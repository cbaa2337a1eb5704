package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored walk-forward and its progress ({@code windowsDone} of {@code windows}, the window jobs over all symbols);
 * {@code workers} counts the DONE windows per worker (Quartz instance id) that computed them.
 */
public record WalkForwardInfo(long id, String label, String submittedBy, Instant submittedAt, RunState state, String strategyType,
                              String configKey, Integer configVersion, List<String> symbols, LocalDate from, LocalDate to, BigDecimal cash,
                              BigDecimal quantity, Map<String, List<String>> axes, int cells, int isBars, int oosBars, boolean anchored,
                              String metric, int windows, int windowsDone, boolean cancelRequested, Instant startedAt, Instant finishedAt,
                              String error, Map<String, Integer> workers) {
}
