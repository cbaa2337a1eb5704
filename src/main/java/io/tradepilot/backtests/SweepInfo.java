package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored sweep and its progress ({@code chunksDone} of {@code chunks}); {@code workers} counts the DONE chunks per
 * worker (Quartz instance id) that computed them.
 */
public record SweepInfo(long id, String label, String submittedBy, Instant submittedAt, RunState state, String strategyType,
                        String configKey, Integer configVersion, List<String> symbols, LocalDate from, LocalDate to, BigDecimal cash,
                        BigDecimal quantity, Map<String, List<String>> axes, Integer samples, Long seed, int cells, int chunkSize,
                        int chunks, int chunksDone, boolean cancelRequested, Instant startedAt, Instant finishedAt, String error,
                        Map<String, Integer> workers) {
}
