package io.tradepilot.backtests;

import java.util.List;

/**
 * Parameter sweeps as chunk jobs on the backtests' clustered Quartz scheduler. Reading: every signed-in role.
 * Submitting and cancelling: operators and admins (method security; a denial is audited as {@code SWEEP_SUBMITTED} or
 * {@code SWEEP_CANCELLED}); each is audited before it takes effect. Refusals are {@link BacktestRefusal}s.
 */
public interface Sweeps {

    /**
     * Validates the sweep (its run as {@link Backtests#submit} does, its parameters against the strategy's schema),
     * stores it and queues one job per chunk of cells.
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER} (field {@code parameters.NAME}, {@code samples}, ...), the
     *                         run's refusals, 422 {@code NO_CELLS} when no combination is valid
     */
    SweepInfo submit(SweepRequest request);

    /** The newest {@code limit} (1-500) sweeps, newest first. */
    List<SweepInfo> sweeps(int limit);

    /** @throws BacktestRefusal 404 {@code UNKNOWN_SWEEP} */
    SweepInfo sweep(long id);

    /**
     * Cancels a QUEUED or RUNNING sweep: its chunks not yet DONE do not run (a chunk running finishes, its result is
     * not used).
     *
     * @throws BacktestRefusal 404 {@code UNKNOWN_SWEEP}, 409 {@code NOT_CANCELLABLE}
     */
    SweepInfo cancel(long id);

    /**
     * The merged result, ranked and flagged by {@code metric} (null: sharpe), the heatmap over {@code x} and {@code y}
     * (null: the first two swept parameters).
     *
     * @throws BacktestRefusal 404 {@code UNKNOWN_SWEEP}, 409 {@code NOT_DONE}, 400 {@code INVALID_PARAMETER}
     */
    SweepReport report(long id, String metric, String x, String y);

    /** Each strategy's parameters a sweep may sweep (its schema's names, in schema order). */
    java.util.Map<String, List<String>> strategyParameters();
}
