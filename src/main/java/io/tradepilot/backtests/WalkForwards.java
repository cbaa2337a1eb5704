package io.tradepilot.backtests;

import java.util.List;

/**
 * Walk-forward optimisations as window jobs on the backtests' clustered Quartz scheduler (one job per symbol and
 * window). Reading: every signed-in role. Submitting and cancelling: operators and admins (method security; a denial is
 * audited as {@code WALKFORWARD_SUBMITTED} or {@code WALKFORWARD_CANCELLED}); each is audited before it takes effect.
 * Refusals are {@link BacktestRefusal}s.
 */
public interface WalkForwards {

    /**
     * Validates the walk-forward (its run as {@link Backtests#submit} does, its parameters as a sweep's, the windows
     * against each symbol's bars), stores it and queues one job per symbol and window.
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER} naming the field ({@code parameters.NAME}, {@code isBars},
     *                         {@code oosBars}, {@code metric}, ...), the run's refusals, 422 {@code NO_CELLS} when no
     *                         combination is valid, 422 {@code NO_WINDOWS} (field {@code isBars}) when a symbol has too
     *                         few bars for one out-of-sample window
     */
    WalkForwardInfo submit(WalkForwardRequest request);

    /** The newest {@code limit} (1-500) walk-forwards, newest first. */
    List<WalkForwardInfo> walkForwards(int limit);

    /** @throws BacktestRefusal 404 {@code UNKNOWN_WALKFORWARD} */
    WalkForwardInfo walkForward(long id);

    /**
     * Cancels a QUEUED or RUNNING walk-forward: its windows not yet DONE do not run (a window running finishes, its
     * result is not written).
     *
     * @throws BacktestRefusal 404 {@code UNKNOWN_WALKFORWARD}, 409 {@code NOT_CANCELLABLE}
     */
    WalkForwardInfo cancel(long id);

    /** @throws BacktestRefusal 404 {@code UNKNOWN_WALKFORWARD}, 409 {@code NOT_DONE} */
    WalkForwardReport report(long id);
}
