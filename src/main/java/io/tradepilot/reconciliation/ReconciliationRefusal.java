package io.tradepilot.reconciliation;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A reconciliation action refused, with its HTTP status and a stable code owned by this module:
 * {@code MISMATCH_NOT_FOUND} (404), {@code ALREADY_RESOLVED} (409), {@code NOT_A_POSITION} (409: only position
 * differences are adopted or closed), {@code NO_VENUE} (409), {@code REASON_TOO_SHORT}, {@code REASON_TOO_LONG} and {@code INVALID_TEXT} (422),
 * {@code ENGINE_UNAVAILABLE} (503: no engine or venue on this instance took it), {@code AUDIT_UNAVAILABLE} (503).
 */
public final class ReconciliationRefusal extends ErrorResponseException {

    private final String code;
    private final String detail;

    public ReconciliationRefusal(int status, String code, String message) {
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
