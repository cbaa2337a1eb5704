package io.tradepilot.signals;

import io.tradepilot.base.problem.Refusal;

/**
 * A signal or a strategy change refused, with its HTTP status and stable code. Signals: 400 {@code MALFORMED_SIGNAL}
 * (not JSON, or not a TradingView or ChartInk alert), 400 {@code MISSING_TIME}, 401 {@code BAD_SECRET} (no secret,
 * a wrong one, or a bad signature), 404 {@code UNKNOWN_STRATEGY}, 409 {@code STRATEGY_DISABLED}, 409
 * {@code STALE_SIGNAL} (its time is outside the replay window), 409 {@code DUPLICATE_SIGNAL} (the same payload was
 * taken before), 422 {@code UNKNOWN_SYMBOL}, 422 {@code ACTION_NOT_ALLOWED}, 422 {@code ZERO_QUANTITY}, and the
 * trading refusals ({@code RISK_REJECTED}, {@code KILL_SWITCH_ENGAGED}, {@code TRADING_BLOCKED}, 429
 * {@code RATE_LIMITED}, 503 {@code ENGINE_UNAVAILABLE}, {@code AUDIT_UNAVAILABLE}...) with their statuses.
 * Administration: 400 {@code INVALID_PARAMETER}, 409 {@code STRATEGY_EXISTS}, 404 {@code UNKNOWN_STRATEGY}.
 */
public final class SignalRefusal extends Refusal {

    public SignalRefusal(int status, String code, String field, String message) {
        super(status, code, field, message);
    }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static SignalRefusal badParameter(String field, String message) {
        return new SignalRefusal(400, "INVALID_PARAMETER", field, message);
    }
}
