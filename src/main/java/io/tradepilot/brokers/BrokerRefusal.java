package io.tradepilot.brokers;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A brokers request (Kite login, …) refused, with the HTTP status it maps to and a stable code: {@code
 * KITE_NOT_CONFIGURED} (409), {@code INVALID_PARAMETER} (400), {@code LOGIN_STATE_INVALID} (403),
 * {@code REQUEST_TOKEN_REFUSED} (422), {@code BROKER_UNAVAILABLE} (503), {@code AUDIT_UNAVAILABLE} (503). Over REST it
 * is the problem detail itself; {@link #getMessage()} is the detail alone, for views and the audit log.
 */
public final class BrokerRefusal extends ErrorResponseException {

    private final String code;
    private final String detail;

    public BrokerRefusal(int status, String code, String message) {
        super(HttpStatusCode.valueOf(status), problem(status, code, message), null);
        this.code = code;
        this.detail = message;
    }

    private static ProblemDetail problem(int status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
        problem.setProperty("code", code);
        return problem;
    }

    public int status() {
        return getStatusCode().value();
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return detail;
    }
}
