package io.tradepilot.backtests;

import java.util.List;

/**
 * Backtest runs. Reading: every signed-in role. Submitting and cancelling: operators and admins (method security;
 * a denial is audited as {@code BACKTEST_<METHOD>}); each is audited ({@code BACKTEST_SUBMITTED}, {@code
 * BACKTEST_CANCELLED}) before it takes effect and refused (503 {@code AUDIT_UNAVAILABLE}) when that record cannot be
 * written. Refusals are {@link BacktestRefusal}s.
 */
public interface Backtests {

    /**
     * Validates and queues a run; it starts when a worker is free and its submitter has fewer than the allowed number
     * running (runs start in submission order across users).
     *
     * @throws BacktestRefusal 400 {@code INVALID_PARAMETER}, 422 {@code UNKNOWN_SYMBOL} or {@code NO_DATA} (for a universe:
     *                         naming every one of its symbols without stored data in the range)
     */
    BacktestRun submit(BacktestRequest request);

    /** The newest {@code limit} (1-500) runs, newest first. */
    List<BacktestRun> runs(int limit);

    /** @throws BacktestRefusal 404 {@code UNKNOWN_RUN} */
    BacktestRun run(long id);

    /**
     * Cancels a run: a QUEUED one at once, a RUNNING one at its next check (between bars and symbols).
     *
     * @throws BacktestRefusal 404 {@code UNKNOWN_RUN}, 409 {@code NOT_CANCELLABLE} when it is finished
     */
    BacktestRun cancel(long id);

    /** @throws BacktestRefusal 404 {@code UNKNOWN_RUN}, 409 {@code NOT_DONE} */
    RunResult result(long id);

    /** The run's self-contained HTML report (per-symbol figures and trades). @throws BacktestRefusal as {@link #result} */
    String reportHtml(long id);

    /** The series backtests can use. */
    List<BacktestData.SeriesInfo> series();

    /** The stored strategy configurations a run may use: id to its versions, newest last. */
    List<StoredConfiguration> configurations();

    /** The named universes a run may use in place of symbols. */
    List<io.tradepilot.strategies.Universe> universes();

    /**
     * A stored strategy configuration version a run may use.
     *
     * @param symbols  the symbols it lists (empty when it names a universe)
     * @param universe the universe it names in place of symbols (null: it lists its symbols)
     */
    record StoredConfiguration(String id, int version, String type, List<String> symbols, String document, String universe) {
        public StoredConfiguration {
            symbols = List.copyOf(symbols);
        }

        /** A version that lists its symbols. */
        public StoredConfiguration(String id, int version, String type, List<String> symbols, String document) {
            this(id, version, type, symbols, document, null);
        }
    }
}
