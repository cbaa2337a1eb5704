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
 */
public record BacktestRun(long id, String label, String submittedBy, Instant submittedAt, RunState state,
                          String configSource, String configKey, Integer configVersion, String strategyType, String document,
                          List<String> symbols, LocalDate from, LocalDate to, BigDecimal cash, BigDecimal quantity,
                          FillModel fill, FeeModel fee, BigDecimal feeValue, SlippageModel slippage, BigDecimal slippageValue,
                          boolean closeAtEnd, boolean cashOnly, String runner, boolean cancelRequested,
                          long barsDone, long barsTotal, Instant startedAt, Instant finishedAt, Instant eta,
                          int attempts, String error, String dataFingerprint) {

    public BacktestRun {
        symbols = List.copyOf(symbols);
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
