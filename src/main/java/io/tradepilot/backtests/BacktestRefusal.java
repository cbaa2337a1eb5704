package io.tradepilot.backtests;

import io.tradepilot.base.problem.Refusal;

/**
 * A backtest request refused: 400 {@code INVALID_PARAMETER} naming the field (bad configuration, dates, cash,
 * quantity, models), 422 {@code UNKNOWN_SYMBOL}, 422 {@code NO_DATA} (no bars of a symbol in the range), 404
 * {@code UNKNOWN_RUN}, 409 {@code NOT_CANCELLABLE} (the run is finished), 409 {@code NOT_DONE} (no result yet), 503
 * {@code AUDIT_UNAVAILABLE}.
 */
public final class BacktestRefusal extends Refusal {

    public BacktestRefusal(int status, String code, String field, String message) {
        super(status, code, field, message);
    }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static BacktestRefusal badParameter(String field, String message) {
        return new BacktestRefusal(400, "INVALID_PARAMETER", field, message);
    }

    /** 404 {@code UNKNOWN_RUN}. */
    public static BacktestRefusal unknownRun(long id) {
        return new BacktestRefusal(404, "UNKNOWN_RUN", "id", "No backtest run " + id + ".");
    }
}
