package io.tradepilot.base.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused for its input or the state it meets, with the HTTP status it maps to, a stable {@code code} and
 * the offending {@code field} (null when none). Over REST it is the problem detail itself (the API's problem handler
 * writes it, with {@code code} and {@code field}); {@link #getMessage()} is the detail alone, for forms and the audit log.
 * Modules subclass it with their own codes and factories.
 */
public abstract class Refusal extends ErrorResponseException {

    private final String code;
    private final String field;
    private final String detail;

    protected Refusal(int status, String code, String field, String message) {
        super(HttpStatusCode.valueOf(status), problem(status, code, field, message), null);
        this.code = code;
        this.field = field;
        this.detail = message;
    }

    private static ProblemDetail problem(int status, String code, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
        problem.setProperty("code", code);
        problem.setProperty("field", field);
        return problem;
    }

    public int status() { return getStatusCode().value(); }
    public String code() { return code; }
    public String field() { return field; }

    @Override
    public String getMessage() {
        return detail;
    }
}
