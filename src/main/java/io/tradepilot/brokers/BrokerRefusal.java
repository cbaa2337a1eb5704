package io.tradepilot.brokers;

import io.tradepilot.base.problem.Refusal;

/**
 * A Kite login request refused, with the HTTP status it maps to and a stable code: {@code INVALID_PARAMETER} (400),
 * {@code LOGIN_STATE_INVALID} (403), {@code REQUEST_TOKEN_REFUSED} (422), {@code BROKER_UNAVAILABLE} (503),
 * {@code AUDIT_UNAVAILABLE} (503).
 */
public final class BrokerRefusal extends Refusal {

    public BrokerRefusal(int status, String code, String message) {
        super(status, code, null, message);
    }
}
