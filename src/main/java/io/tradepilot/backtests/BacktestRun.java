package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One backtest run as stored: the request as validated (the exact configuration document included), its state and
 * progress, and the fingerprint of the data it ran on.
 *
 * @param configSource     {@code STORED} or {@code DRAFT}
 * @param runner           the {@link BacktestRunner#name()} that ran it (today {@code INDEPENDENT_SINGLE_SYMBOL})
 * @param barsDone         bars processed so far (over every symbol)
 * @param barsTotal        bars to process (known once the data is loaded; 0 before)
 * @param eta              estimated end while RUNNING (null when unknown)
 * @param error            why a FAILED run failed (null otherwise)
 * @param dataFingerprint  SHA-256 over every bar used (null until the data is loaded); see docs/backtests.md
 * @param mode             INDEPENDENT single-symbol runs or one PORTFOLIO account
 * @param maxPositions     PORTFOLIO: positions open at once (0: no limit); null for INDEPENDENT
 * @param heatCap          PORTFOLIO: heat cap as a fraction of equity (null: off)
 * @param buyingPower      PORTFOLIO: entries the cash cannot pay for are refused
 * @param misLeverage      PORTFOLIO: every symbol intraday (MIS) at this leverage (null: delivery)
 * @param correlationGroups PORTFOLIO: group name to its symbols (empty: off)
 * @param maxPositionsPerGroup PORTFOLIO with groups: open positions per group (null without groups)
 * @param universe         the universe it was submitted with (null: symbols chosen one by one); {@code symbols} are
 *                         that universe's symbols as they were at submission
 */
public record BacktestRun(long id, String label, String submittedBy, Instant submittedAt, RunState state,
                          String configSource, String configKey, Integer configVersion, String strategyType, String document,
                          List<String> symbols, LocalDate from, LocalDate to, BigDecimal cash, BigDecimal quantity,
                          FillModel fill, FeeModel fee, BigDecimal feeValue, SlippageModel slippage, BigDecimal slippageValue,
                          boolean closeAtEnd, boolean cashOnly, String runner, boolean cancelRequested,
                          long barsDone, long barsTotal, Instant startedAt, Instant finishedAt, Instant eta,
                          int attempts, String error, String dataFingerprint, BacktestMode mode, Integer maxPositions,
                          BigDecimal heatCap, boolean buyingPower, BigDecimal misLeverage, java.util.Map<String, List<String>> correlationGroups,
                          Integer maxPositionsPerGroup, String universe) {

    public BacktestRun {
        symbols = List.copyOf(symbols);
        correlationGroups = correlationGroups == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(correlationGroups));
    }

    /** The portfolio's limits in words (for PORTFOLIO runs), e.g. "max 2 open positions, heat cap 0.5, buying power checked, correlation groups banks: A, B (max 1 each)". */
    public String limitsText() {
        if (mode != BacktestMode.PORTFOLIO) return "";
        List<String> on = new java.util.ArrayList<>();
        if (maxPositions != null && maxPositions > 0) on.add("max " + maxPositions + " open positions");
        if (heatCap != null) on.add("heat cap " + heatCap.toPlainString());
        on.add(buyingPower ? "buying power checked" : "no buying power check");
        if (misLeverage != null) on.add("every symbol intraday (MIS) at " + misLeverage.stripTrailingZeros().toPlainString() + "x leverage");
        if (!correlationGroups.isEmpty()) on.add("correlation groups " + CorrelationGroups.format(correlationGroups) + " (max " + maxPositionsPerGroup + " each)");
        return String.join(", ", on);
    }

    /** Progress from 0 to 1 (1 when DONE). */
    public double progress() {
        if (state == RunState.DONE) return 1;
        return barsTotal <= 0 ? 0 : Math.min(1, (double) barsDone / barsTotal);
    }

    /** Time from start to finish (or null while not finished). */
    public Duration elapsed() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
